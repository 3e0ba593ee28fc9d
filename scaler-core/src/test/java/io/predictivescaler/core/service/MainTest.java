package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void helpPrintsEveryFlagAndExitsZero() throws Exception {
    int code = run("--help");

    assertThat(code).isZero();
    assertThat(text(out))
        .contains(
            "--prometheus-url", "--namespaces", "--http-port", "--log-level", "--kube-context");
  }

  @Test
  void versionPrintsOneLineWithTheVersionAndExitsZero() throws Exception {
    int code = run("--version");

    assertThat(code).isZero();
    assertThat(text(out)).matches("predictive-scaler \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    assertThat(text(out))
        .isEqualTo("predictive-scaler " + BuildVersion.current() + System.lineSeparator());
    assertThat(text(err)).isEmpty();
  }

  @Test
  void theShortVersionFlagWinsOverOtherFlags() throws Exception {
    int code = run("--http-port", "70000", "-V");

    assertThat(code).isZero();
    assertThat(text(out).lines()).hasSize(1).first().asString().startsWith("predictive-scaler ");
  }

  @Test
  void badSettingsExitTwoListingEachProblem() throws Exception {
    int code = run("--http-port", "70000", "--log-format", "xml", "--log-level", "verbose");

    assertThat(code).isEqualTo(2);
    assertThat(text(err))
        .contains("--http-port: must be a port number 1..65535, got '70000'")
        .contains("--log-format: must be json or text, got 'xml'")
        .contains("--log-level: must be error, warn, info, debug or trace, got 'verbose'")
        .contains("--help");
  }

  private int run(String... args) throws InterruptedException {
    return Main.run(
        args,
        Map.of("POD_NAME", "scaler-0"),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
