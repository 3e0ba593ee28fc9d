package io.predictivescaler.core.explain;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.actuate.ActuationResult;
import io.predictivescaler.core.actuate.RefusalReason;
import io.predictivescaler.core.decision.ReasonCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ReasonCode} is the one list of Event reasons: every reason an Event can carry is in it,
 * and each is described in docs/DECISIONS.md or docs/OPERATIONS.md.
 */
class EventReasonsTest {

  @Test
  void everyActuationReasonIsAReasonCode() {
    Stream<ActuationResult> results =
        Stream.concat(
            Stream.of(
                ActuationResult.dryRun(2, 4),
                ActuationResult.paused(2, 4),
                ActuationResult.failed("HTTP 503", null)),
            Arrays.stream(RefusalReason.values()).map(r -> ActuationResult.refused(r, "no")));

    assertThat(results.map(ActuationResult::reason))
        .allSatisfy(code -> assertThat(ReasonCode.ofCode(code)).as(code).isPresent());
  }

  @Test
  void everyCodeIsDocumented() throws IOException {
    String docs =
        Files.readString(Path.of("..", "docs", "DECISIONS.md"))
            + Files.readString(Path.of("..", "docs", "OPERATIONS.md"));

    assertThat(ReasonCode.values())
        .allSatisfy(
            reason -> assertThat(docs).as(reason.code()).contains("`" + reason.code() + "`"));
  }

  @Test
  void codesAreUniqueAndCamelCase() {
    List<String> codes = Arrays.stream(ReasonCode.values()).map(ReasonCode::code).toList();

    assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("[A-Z][A-Za-z]+"));
  }
}
