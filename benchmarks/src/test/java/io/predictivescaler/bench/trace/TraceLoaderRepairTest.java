package io.predictivescaler.bench.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TraceLoader} with {@link TraceFlaws#REPAIR}, the default. */
class TraceLoaderRepairTest {

  @TempDir Path dir;

  /** Line numbers in the tests count the header as line 1, so row k is on line k + 1. */
  private static Trace parse(String rows) throws IOException {
    return TraceLoader.parse("t.csv", "t.csv", new StringReader("timestamp,value\n" + rows));
  }

  @Test
  void sortsRowsOutOfOrderAndCountsThem() throws IOException {
    Trace trace = parse("0,0\n180,3\n240,4\n60,1\n120,2\n300,5\n");

    assertThat(trace.epochSeconds()).containsExactly(0, 60, 120, 180, 240, 300);
    assertThat(trace.values()).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(trace.repairs())
        .isEqualTo(new TraceRepairs(2, 5, 0, 0, 0, 0))
        .extracting(TraceRepairs::any)
        .isEqualTo(true);
    assertThat(trace.filledPoints()).isZero();
  }

  @Test
  void mergesRowsSharingATimestampIntoTheirMean() throws IOException {
    Trace trace = parse("0,1\n60,2\n60,4\n60,9\n120,5\n180,1\n180,2\n");

    assertThat(trace.epochSeconds()).containsExactly(0, 60, 120, 180);
    assertThat(trace.values()[1]).isCloseTo(5, within(1e-12));
    assertThat(trace.values()[3]).isCloseTo(1.5, within(1e-12));
    assertThat(trace.repairs()).isEqualTo(new TraceRepairs(0, 0, 3, 4, 0, 0));
    assertThat(trace.sourceInterval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void aDuplicateOutOfOrderIsCountedBothWaysWithTheFileLinesOfTheMovedRows() throws IOException {
    Trace trace = parse("0,1\n120,3\n60,2\n120,5\n");

    assertThat(trace.epochSeconds()).containsExactly(0, 60, 120);
    assertThat(trace.values()).containsExactly(1, 2, 4);
    assertThat(trace.repairs()).isEqualTo(new TraceRepairs(1, 4, 1, 5, 0, 0));
  }

  @Test
  void theIntervalIsTheMostCommonSpacingAfterMergingDuplicates() throws IOException {
    Trace trace = parse("0,1\n0,1\n0,1\n0,1\n300,2\n600,3\n900,4\n");

    assertThat(trace.sourceInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(trace.epochSeconds()).containsExactly(0, 300, 600, 900);
  }

  @Test
  void movesAnOffGridRowToTheNearestGridPoint() throws IOException {
    Trace trace = parse("0,1\n300,2\n600,3\n960,4\n1200,5\n1500,6\n");

    assertThat(trace.epochSeconds()).containsExactly(0, 300, 600, 900, 1200, 1500);
    assertThat(trace.values()).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(trace.repairs()).isEqualTo(new TraceRepairs(0, 0, 0, 0, 1, 5));
    assertThat(trace.filledPoints()).isZero();
  }

  @Test
  void aRowMovedOntoATakenGridPointIsMergedByMean() throws IOException {
    Trace trace = parse("0,1\n300,2\n600,3\n660,7\n900,4\n1200,5\n");

    assertThat(trace.epochSeconds()).containsExactly(0, 300, 600, 900, 1200);
    assertThat(trace.values()[2]).isCloseTo(5, within(1e-12));
    assertThat(trace.repairs()).isEqualTo(new TraceRepairs(0, 0, 1, 5, 1, 5));
  }

  @Test
  void aGapLeftByAMovedRowIsFilledByInterpolation() throws IOException {
    Trace trace = parse("0,0\n300,3\n600,6\n1260,12\n1500,15\n1800,18\n");

    assertThat(trace.epochSeconds()).containsExactly(0, 300, 600, 900, 1200, 1500, 1800);
    assertThat(trace.values()[3]).isCloseTo(9, within(1e-12));
    assertThat(trace.values()[4]).isCloseTo(12, within(1e-12));
    assertThat(trace.filledPoints()).isEqualTo(1);
    assertThat(trace.repairs()).isEqualTo(new TraceRepairs(0, 0, 0, 0, 1, 5));
  }

  @Test
  void aRowHalfwayBetweenGridPointsGoesToTheEarlierOne() throws IOException {
    Trace trace = parse("0,0\n300,1\n600,2\n750,3\n1200,4\n1500,5\n");

    assertThat(trace.epochSeconds()).containsExactly(0, 300, 600, 900, 1200, 1500);
    assertThat(trace.values()[2]).isCloseTo(2.5, within(1e-12));
    assertThat(trace.values()[3]).isCloseTo(3.25, within(1e-12));
    assertThat(trace.repairs()).isEqualTo(new TraceRepairs(0, 0, 1, 5, 1, 5));
  }

  @Test
  void summaryNamesEachRepairWithItsFirstLine() throws IOException {
    Trace trace = parse("0,0\n300,1\n300,1\n600,2\n900,3\n1260,4\n1500,5\n1800,6\n150,9\n");

    String summary = trace.repairs().summary(trace.sourceInterval());

    assertThat(summary)
        .isEqualTo(
            "1 row out of order sorted by timestamp (first at line 10); 2 duplicate timestamps"
                + " merged by mean (first at line 4); 2 rows moved onto the 300 s grid (first at"
                + " line 7)");
  }

  @Test
  void aTraceWhoseRowsAllShareOneTimestampIsRejected() {
    assertThatThrownBy(() -> parse("1000,1\n1000,2\n1000,3\n"))
        .isInstanceOf(TraceException.class)
        .hasMessage(
            "t.csv: line 3: all 3 data rows have the timestamp of line 2, a trace needs at least"
                + " 2 distinct timestamps");
  }

  @Test
  void sortingDoesNotHideAGapLongerThanTheLimit() {
    long last = 120 + TraceLoader.MAX_GAP.getSeconds() + 60;
    String rows = last + ",1\n0,1\n60,1\n120,1\n";

    assertThatThrownBy(() -> parse(rows))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("gap of 7d0h1m0s after line 5");
  }

  @Test
  void badValuesAreStillErrorsNamingTheirLine() {
    assertThatThrownBy(() -> parse("60,1\n0,1\n60,-1\n"))
        .hasMessageContaining("line 4")
        .hasMessageContaining(">= 0");
  }

  @Test
  void fileLoadRepairsByDefault() throws IOException {
    Path file = dir.resolve("dup.csv");
    Files.writeString(file, "timestamp,value\n0,1\n60,1\n60,3\n120,1\n");

    Trace trace = TraceLoader.load(file);

    assertThat(trace.values()).containsExactly(1, 2, 1);
    assertThat(trace.repairs().mergedRows()).isEqualTo(1);
  }

  @Test
  void repairsAreValidated() {
    assertThatThrownBy(() -> new TraceRepairs(2, 0, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reorderedRows");
    assertThatThrownBy(() -> new TraceRepairs(0, 0, 0, 7, 0, 0)).hasMessageContaining("mergedRows");
  }
}
