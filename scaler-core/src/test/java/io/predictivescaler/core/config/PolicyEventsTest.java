package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PolicyEventsTest {

  @Test
  void messageListsEveryErrorWhenItFits() {
    List<ConfigError> errors =
        List.of(
            new ConfigError("workloads[0].horizon", "must be > 0, got -5m"),
            new ConfigError(
                "workloads[1].mode", "must be one of scale, dry-run, hpa-floor, got x"));

    String message = PolicyEvents.message(errors);

    assertThat(message)
        .isEqualTo(
            "policies.yaml rejected, last good policy kept (2 errors): workloads[0].horizon:"
                + " must be > 0, got -5m; workloads[1].mode: must be one of scale, dry-run,"
                + " hpa-floor, got x");
  }

  @Test
  void longMessageIsCutBetweenErrorsAndCountsTheRest() {
    List<ConfigError> errors =
        IntStream.range(0, 100)
            .mapToObj(i -> new ConfigError("workloads[" + i + "].horizon", "must be > 0, got -5m"))
            .toList();

    String message = PolicyEvents.message(errors);

    assertThat(message).hasSizeLessThanOrEqualTo(PolicyEvents.MAX_MESSAGE);
    assertThat(message).startsWith("policies.yaml rejected, last good policy kept (100 errors): ");
    assertThat(message).matches(".*got -5m; \\.\\.\\. \\d+ more");
    int shown = message.split("; workloads").length;
    assertThat(message).endsWith("; ... " + (100 - shown) + " more");
  }

  @Test
  void singleHugeErrorIsCutToTheLimit() {
    List<ConfigError> errors = List.of(new ConfigError("x", "y".repeat(5000)));

    String message = PolicyEvents.message(errors);

    assertThat(message).hasSize(PolicyEvents.MAX_MESSAGE).endsWith("yyy...");
  }

  @Test
  void aHugeHeadlineIsCutSoTheErrorsStillFit() {
    List<ConfigError> errors = List.of(new ConfigError("workloads[0].risk", "must be hpa"));

    String message = PolicyEvents.message("z".repeat(5000), errors);

    assertThat(message).hasSizeLessThanOrEqualTo(PolicyEvents.MAX_MESSAGE);
    assertThat(message).endsWith("... (1 error): workloads[0].risk: must be hpa");
  }
}
