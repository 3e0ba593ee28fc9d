package io.predictivescaler.bench.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceLoaderTest {

  @TempDir Path dir;

  private static Trace parse(String csv) throws IOException {
    return TraceLoader.parse("t.csv", "t.csv", new StringReader(csv));
  }

  private static Trace parseStrict(String csv) throws IOException {
    return TraceLoader.parse("t.csv", "t.csv", new StringReader(csv), TraceFlaws.REJECT);
  }

  @Test
  void readsSpaceSeparatedTimestampsAsUtc() throws IOException {
    Trace trace = parse("timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 00:01:00,2.5\n");

    assertThat(trace.start()).isEqualTo(Instant.parse("2024-01-01T00:00:00Z"));
    assertThat(trace.values()).containsExactly(1, 2.5);
    assertThat(trace.sourceInterval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void readsIsoTimestampsWithAndWithoutOffset() throws IOException {
    Trace trace =
        parse(
            "timestamp,value\n2024-01-01T02:00:00+02:00,1\n2024-01-01T00:05:00Z,2\n"
                + "2024-01-01T00:10:00,3\n");

    assertThat(trace.epochSeconds())
        .containsExactly(
            Instant.parse("2024-01-01T00:00:00Z").getEpochSecond(),
            Instant.parse("2024-01-01T00:05:00Z").getEpochSecond(),
            Instant.parse("2024-01-01T00:10:00Z").getEpochSecond());
  }

  @Test
  void readsEpochSeconds() throws IOException {
    Trace trace = parse("timestamp,value\n1700000000,4\n1700000300.0,5\n");

    assertThat(trace.epochSeconds()).containsExactly(1_700_000_000L, 1_700_000_300L);
    assertThat(trace.sourceInterval()).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void readsFractionalEpochSecondsToTheNearestSecond() throws IOException {
    // as Prometheus' query API writes them
    Trace trace =
        parse(
            "timestamp,value\n1700000000.2,4\n1700000300.4,5\n1700000599.5,6\n"
                + "1700000900.781,7\n1700001200.,8\n");

    // 900.781 rounds to 901, one second off the 5-minute grid, and is snapped back to it
    assertThat(trace.epochSeconds())
        .containsExactly(
            1_700_000_000L, 1_700_000_300L, 1_700_000_600L, 1_700_000_900L, 1_700_001_200L);
    assertThat(trace.values()).containsExactly(4, 5, 6, 7, 8);
    assertThat(trace.repairs().snappedRows()).isEqualTo(1);
  }

  @Test
  void readsThirteenDigitsAsEpochMilliseconds() throws IOException {
    Trace trace = parse("timestamp,value\n1700000000000,4\n1700000060499,5\n1700000120000.0,6\n");

    assertThat(trace.epochSeconds())
        .containsExactly(1_700_000_000L, 1_700_000_060L, 1_700_000_120L);
    assertThat(trace.sourceInterval()).isEqualTo(Duration.ofMinutes(1));
  }

  @Test
  void anEpochOfFourteenDigitsIsABadTimestampNamingTheForms() {
    assertThatThrownBy(() -> parse("timestamp,value\n17000000000000,1\n17000000060000,2\n"))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("'17000000000000'")
        .hasMessageContaining("epoch milliseconds (13 digits)");
  }

  @Test
  void interpolatesAndCountsMissingIntervals() throws IOException {
    Trace trace = parse("timestamp,value\n1000,0\n1060,10\n1120,20\n1300,80\n1360,90\n1420,100\n");

    assertThat(trace.filledPoints()).isEqualTo(2);
    assertThat(trace.size()).isEqualTo(8);
    assertThat(trace.values()[3]).isCloseTo(40, within(1e-9));
    assertThat(trace.values()[4]).isCloseTo(60, within(1e-9));
    assertThat(trace.epochSeconds()[4]).isEqualTo(1240);
  }

  @Test
  void missingFileIsNamed() {
    Path missing = dir.resolve("nope.csv");

    assertThatThrownBy(() -> TraceLoader.load(missing))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("not found")
        .hasMessageContaining(missing.toString());
  }

  @Test
  void badHeaderNamesFileLineAndText() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "time;load\n1000,1\n");

    assertThatThrownBy(() -> TraceLoader.load(file))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("line 1")
        .hasMessageContaining("time;load");
  }

  @Test
  void acceptsAnyTwoColumnHeader() throws IOException {
    Trace trace = parse("ts,cpu\n1000,1\n1060,2.5\n");

    assertThat(trace.epochSeconds()).containsExactly(1000L, 1060L);
    assertThat(trace.values()).containsExactly(1, 2.5);
  }

  @Test
  void readsAFileWithoutHeaderFromItsFirstLine() throws IOException {
    Trace trace = parse("2024-01-01 00:00:00,3\n2024-01-01 00:01:00,4\n");

    assertThat(trace.values()).containsExactly(3, 4);
    assertThatThrownBy(() -> parse("1000,1\n1060,x\n"))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("'x'");
  }

  @Test
  void headerOfOtherThanTwoColumnsIsAnError() {
    assertThatThrownBy(() -> parse("timestamp,value,host\n1000,1\n1060,2\n"))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("2 columns")
        .hasMessageContaining("timestamp,value,host");
  }

  @Test
  void badTimestampNamesItsLine() {
    assertThatThrownBy(
            () -> parse("timestamp,value\n\n2024-01-01 00:00:00,1\n2024-13-01 00:01:00,2\n"))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("2024-13-01 00:01:00");
  }

  @Test
  void badValueNamesItsLine() {
    assertThatThrownBy(() -> parse("timestamp,value\n1000,1\n1060,lots\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("lots");
    assertThatThrownBy(() -> parse("timestamp,value\n1000,1\n1060,-2\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining(">= 0");
  }

  @Test
  void wrongFieldCountNamesItsLine() {
    assertThatThrownBy(() -> parse("timestamp,value\n1000,1\n1060,2,3\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("2 fields");
  }

  @Test
  void emptyFileIsAnError() {
    assertThatThrownBy(() -> parse("")).hasMessageContaining("empty file");
  }

  @Test
  void headerWithoutRowsIsAnError() {
    assertThatThrownBy(() -> parse("timestamp,value\n\n")).hasMessageContaining("0 data row");
  }

  @Test
  void strictUnsortedTimestampsNameBothLines() {
    assertThatThrownBy(() -> parseStrict("timestamp,value\n1000,1\n1060,1\n1030,1\n"))
        .isInstanceOf(TraceException.class)
        .hasMessage(
            "t.csv: line 4: timestamp is earlier than the one on line 3: timestamps must be"
                + " sorted");
  }

  @Test
  void strictDuplicateTimestampsNameBothLines() {
    assertThatThrownBy(() -> parseStrict("timestamp,value\n1000,1\n1060,1\n1060,2\n"))
        .isInstanceOf(TraceException.class)
        .hasMessage("t.csv: line 4: duplicate timestamp (same as line 3)");
  }

  @Test
  void strictSpacingThatIsNotAMultipleOfTheIntervalIsAnError() {
    assertThatThrownBy(() -> parseStrict("timestamp,value\n0,1\n60,1\n120,1\n150,1\n"))
        .isInstanceOf(TraceException.class)
        .hasMessage(
            "t.csv: line 5: timestamp is 30 s after the previous row, not a multiple of the trace"
                + " interval 60 s");
  }

  @Test
  void strictOnlyDuplicateTimestampsIsADuplicateError() {
    assertThatThrownBy(() -> parseStrict("timestamp,value\n1000,1\n1000,2\n"))
        .hasMessage("t.csv: line 3: duplicate timestamp (same as line 2)");
  }

  @Test
  void strictFileLoadRejectsAFlawNamingTheFile() throws IOException {
    Path file = dir.resolve("dup.csv");
    Files.writeString(file, "timestamp,value\n0,1\n60,1\n60,2\n");

    assertThatThrownBy(() -> TraceLoader.load(file, TraceFlaws.REJECT))
        .hasMessage(file + ": line 4: duplicate timestamp (same as line 3)");
  }

  @Test
  void gapOfTwoBillionSecondsIsRejectedWithItsLineNotAnOutOfMemoryError() {
    String csv = "timestamp,value\n0,1\n60,1\n120,1\n2000000040,1\n";

    assertThatThrownBy(() -> parse(csv))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("line 5")
        .hasMessageContaining("gap")
        .hasMessageContaining("23148d")
        .hasMessageContaining("7d");
  }

  @Test
  void fiveYearGapIsRejectedInsteadOfInterpolatedSilently() {
    String csv =
        "timestamp,value\n2015-01-01 00:00:00,1\n2015-01-01 00:01:00,2\n"
            + "2015-01-01 00:02:00,3\n2020-01-01 00:02:00,4\n";

    assertThatThrownBy(() -> parse(csv))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("line 5")
        .hasMessageContaining("1826d")
        .hasMessageContaining("limit");
  }

  @Test
  void gapUpToTheLimitIsStillFilled() throws IOException {
    long week = TraceLoader.MAX_GAP.getSeconds();
    String csv = "timestamp,value\n0,1\n3600,1\n7200,1\n" + (7200 + week) + ",1\n";

    Trace trace = parse(csv);

    assertThat(trace.filledPoints()).isEqualTo(week / 3600 - 1);
  }

  @Test
  void tooManyPointsAfterFillingIsRejectedNamingTheLimit() {
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    long base = 0;
    for (int k = 0; k < 11; k++) {
      csv.append(base).append(",1\n").append(base + 1).append(",1\n");
      csv.append(base + 2).append(",1\n");
      base += 2 + 6 * 86_400;
    }

    assertThatThrownBy(() -> parse(csv.toString()))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("5184023 points")
        .hasMessageContaining("limit " + TraceLoader.MAX_POINTS);
  }

  @Test
  void absurdValueIsRejectedWithItsLine() {
    assertThatThrownBy(() -> parse("timestamp,value\n1000,1\n1060,1.797e308\n1120,1\n"))
        .isInstanceOf(TraceException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("1.797e308")
        .hasMessageContaining("1e15");
  }

  @Test
  void nonFiniteValueIsRejectedWithItsLine() {
    assertThatThrownBy(() -> parse("timestamp,value\n1000,1\n1060,Infinity\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> parse("timestamp,value\n1000,1\n1060,NaN\n"))
        .hasMessageContaining("line 3")
        .hasMessageContaining("finite");
  }

  @Test
  void loadsTheBundledTraceUnchanged() throws IOException {
    int rows;
    try (InputStream in = getClass().getResourceAsStream("/traces/nasa_http_jul95_1min.csv")) {
      rows = (int) new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().count() - 1;
    }

    Trace trace = TraceLoader.loadResource("/traces/nasa_http_jul95_1min.csv");

    assertThat(trace.size()).isEqualTo(rows);
    assertThat(trace.filledPoints()).isZero();
    assertThat(trace.repairs()).isEqualTo(TraceRepairs.NONE);
    assertThat(trace.sourceInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(trace.name()).isEqualTo("nasa_http_jul95_1min.csv");
  }

  @Test
  void missingResourceIsNamed() {
    assertThatThrownBy(() -> TraceLoader.loadResource("/traces/none.csv"))
        .hasMessageContaining("/traces/none.csv");
  }
}
