package io.predictivescaler.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressLinesTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ProgressLines progress =
      new ProgressLines(new PrintStream(bytes, true, StandardCharsets.UTF_8), 25);

  @Test
  void printsOneLineEachTimeAnotherStepIsDone() {
    progress.update("hpa", 10, 100);
    progress.update("hpa", 26, 100);
    progress.update("hpa@0.7", 30, 100);
    progress.update("predictive", 80, 100);
    progress.update("oracle", 100, 100);

    assertThat(lines())
        .containsExactly(
            "replay:  25% (hpa)", "replay:  75% (predictive)", "replay: 100% (oracle)");
  }

  @Test
  void nothingToDoCountsAsDone() {
    progress.update("hpa", 0, 0);

    assertThat(lines()).containsExactly("replay: 100% (hpa)");
  }

  @Test
  void rejectsAStepOutsideOneToAHundred() {
    assertThatThrownBy(() -> new ProgressLines(System.err, 0))
        .hasMessage("every must be in [1, 100], got 0");
  }

  private String[] lines() {
    return bytes.toString(StandardCharsets.UTF_8).lines().toArray(String[]::new);
  }
}
