package io.predictivescaler.bench.trace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;

/**
 * Loads a trace CSV of two columns, time and load: a header of any two names (such as {@link
 * #HEADER}, or {@code ts,cpu}), or none, the first line then being a row.
 *
 * <p>Rules: values finite, non-negative and at most {@link #MAX_VALUE}; blank lines ignored. The
 * trace's interval is the most common spacing between distinct timestamps. With {@link
 * TraceFlaws#REPAIR} (the default) rows out of order are sorted (stably), rows sharing a timestamp
 * become one point with their mean value, and a row whose time from the first row is not a whole
 * number of intervals moves to the nearest grid point (the earlier on a tie), merging by mean with
 * any row already there; each repair is counted in {@link Trace#repairs()}. With {@link
 * TraceFlaws#REJECT} each of these is an error. A spacing that is a whole multiple of the interval
 * is a gap, filled by linear interpolation and counted in {@link Trace#filledPoints()}; a gap
 * longer than {@link #MAX_GAP}, more than {@link #MAX_POINTS} points after filling, or fewer than 2
 * distinct timestamps is an error. Every error names the file and the line.
 */
public final class TraceLoader {

  /** The header the bundled traces start with; any two-column header is accepted. */
  public static final String HEADER = "timestamp,value";

  /** The longest gap between two rows that is filled by interpolation. */
  public static final Duration MAX_GAP = Duration.ofDays(7);

  /** Most points a trace may have after its gaps are filled (16 bytes each in memory). */
  public static final int MAX_POINTS = 5_000_000;

  /**
   * Largest load value accepted: far above any real metric, and small enough that sums over a
   * replay stay finite.
   */
  public static final double MAX_VALUE = 1e15;

  private TraceLoader() {}

  /** Loads a trace file, repairing its flaws; the trace is named after the file. */
  public static Trace load(Path file) {
    return load(file, TraceFlaws.REPAIR);
  }

  /** Loads a trace file; the trace is named after the file. */
  public static Trace load(Path file, TraceFlaws flaws) {
    String name = file.getFileName().toString();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return parse(name, file.toString(), reader, flaws);
    } catch (NoSuchFileException e) {
      throw new TraceException("trace file not found: " + file);
    } catch (IOException e) {
      throw new TraceException("reading trace " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Loads a trace bundled on the classpath, e.g. {@code /traces/nasa_http_jul95_1min.csv},
   * repairing its flaws.
   */
  public static Trace loadResource(String resource) {
    return loadResource(resource, TraceFlaws.REPAIR);
  }

  /** Loads a trace bundled on the classpath. */
  public static Trace loadResource(String resource, TraceFlaws flaws) {
    String name = resource.substring(resource.lastIndexOf('/') + 1);
    InputStream in = TraceLoader.class.getResourceAsStream(resource);
    if (in == null) {
      throw new TraceException("bundled trace not found on the classpath: " + resource);
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return parse(name, "classpath:" + resource, reader, flaws);
    } catch (IOException e) {
      throw new TraceException("reading bundled trace " + resource + ": " + e.getMessage(), e);
    }
  }

  /**
   * Parses CSV text, repairing its flaws; see {@link #parse(String, String, Reader, TraceFlaws)}.
   */
  public static Trace parse(String name, String origin, Reader reader) throws IOException {
    return parse(name, origin, reader, TraceFlaws.REPAIR);
  }

  /**
   * Parses CSV text.
   *
   * @param name the trace's name in reports
   * @param origin where the text came from, used in error messages
   * @param flaws whether rows out of order, duplicate timestamps and rows off the grid are repaired
   *     or rejected
   */
  public static Trace parse(String name, String origin, Reader reader, TraceFlaws flaws)
      throws IOException {
    TraceRows rows = read(origin, reader);
    if (flaws == TraceFlaws.REJECT) {
      requireIncreasing(origin, rows);
      return fillGaps(name, origin, rows, rows.mostCommonSpacing(), TraceRepairs.NONE);
    }
    TraceRegularizer.Regularized regular = TraceRegularizer.regularize(origin, rows);
    return fillGaps(name, origin, regular.rows(), regular.interval(), regular.repairs());
  }

  private static TraceRows read(String origin, Reader reader) throws IOException {
    BufferedReader lines =
        reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
    TraceRows rows = new TraceRows();
    int lineNumber = 0;
    boolean headerSeen = false;
    String line;
    while ((line = lines.readLine()) != null) {
      lineNumber++;
      String text = lineNumber == 1 ? stripBom(line).strip() : line.strip();
      if (text.isEmpty()) {
        continue;
      }
      if (!headerSeen) {
        headerSeen = true;
        if (!isDataRow(text)) {
          if (fields(text) != 2) {
            throw error(
                origin,
                lineNumber,
                "expected a header of 2 columns such as '" + HEADER + "', got '" + text + "'");
          }
          continue;
        }
      }
      rows.add(
          parseRow(origin, lineNumber, text), parseValue(origin, lineNumber, text), lineNumber);
    }
    if (!headerSeen) {
      throw new TraceException(
          origin + ": empty file, expected a header such as '" + HEADER + "' and rows");
    }
    if (rows.size < 2) {
      throw new TraceException(
          origin + ": trace has " + rows.size + " data row(s), needs at least 2");
    }
    return rows;
  }

  /** Whether a first line is a row of data (a file without a header) rather than a header. */
  private static boolean isDataRow(String text) {
    if (fields(text) != 2) {
      return false;
    }
    int comma = text.indexOf(',');
    try {
      TimestampParser.parseEpochSeconds(text.substring(0, comma).strip());
      Double.parseDouble(text.substring(comma + 1).strip());
      return true;
    } catch (DateTimeException | NumberFormatException e) {
      return false;
    }
  }

  private static int fields(String text) {
    return text.split(",", -1).length;
  }

  private static long parseRow(String origin, int lineNumber, String text) {
    if (fields(text) != 2) {
      throw error(origin, lineNumber, "expected 2 fields 'timestamp,value', got '" + text + "'");
    }
    int comma = text.indexOf(',');
    String timestamp = text.substring(0, comma).strip();
    try {
      return TimestampParser.parseEpochSeconds(timestamp);
    } catch (DateTimeException e) {
      throw error(
          origin,
          lineNumber,
          "bad timestamp '"
              + timestamp
              + "': expected 'yyyy-MM-dd HH:mm:ss' (UTC), ISO-8601, epoch seconds or epoch"
              + " milliseconds (13 digits)");
    }
  }

  private static double parseValue(String origin, int lineNumber, String text) {
    String value = text.substring(text.indexOf(',') + 1).strip();
    double parsed;
    try {
      parsed = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw error(origin, lineNumber, "bad value '" + value + "': expected a number");
    }
    if (!Double.isFinite(parsed) || parsed < 0) {
      throw error(origin, lineNumber, "bad value '" + value + "': load must be finite and >= 0");
    }
    if (parsed > MAX_VALUE) {
      throw error(
          origin, lineNumber, "bad value '" + value + "': load must be <= 1e15 (the limit)");
    }
    return parsed;
  }

  private static Trace fillGaps(
      String name, String origin, TraceRows rows, long interval, TraceRepairs repairs) {
    long first = rows.times[0];
    long last = rows.times[rows.size - 1];
    for (int i = 1; i < rows.size; i++) {
      long spacing = rows.times[i] - rows.times[i - 1];
      if (spacing > interval && spacing > MAX_GAP.getSeconds()) {
        throw error(
            origin,
            rows.lines[i],
            "gap of "
                + days(spacing)
                + " after line "
                + rows.lines[i - 1]
                + " is longer than the limit "
                + days(MAX_GAP.getSeconds())
                + " that is filled by interpolation: split the trace there");
      }
    }
    long points = (last - first) / interval + 1;
    if (points > MAX_POINTS) {
      throw new TraceException(
          origin
              + ": "
              + points
              + " points at the trace interval "
              + interval
              + " s after filling gaps, more than the limit "
              + MAX_POINTS);
    }
    int n = (int) points;
    long[] times = new long[n];
    double[] values = new double[n];
    int out = 0;
    for (int i = 0; i < rows.size; i++) {
      if (i > 0) {
        long spacing = rows.times[i] - rows.times[i - 1];
        // Only rejected traces get here off the grid: repaired ones were moved onto it.
        if (spacing % interval != 0) {
          throw error(
              origin,
              rows.lines[i],
              "timestamp is "
                  + spacing
                  + " s after the previous row, not a multiple of the trace interval "
                  + interval
                  + " s");
        }
        long missing = spacing / interval - 1;
        for (long k = 1; k <= missing; k++) {
          double fraction = (double) k / (missing + 1);
          times[out] = rows.times[i - 1] + k * interval;
          values[out++] = rows.values[i - 1] + fraction * (rows.values[i] - rows.values[i - 1]);
        }
      }
      times[out] = rows.times[i];
      values[out++] = rows.values[i];
    }
    return new Trace(name, times, values, Duration.ofSeconds(interval), n - rows.size, repairs);
  }

  private static void requireIncreasing(String origin, TraceRows rows) {
    for (int i = 1; i < rows.size; i++) {
      long spacing = rows.times[i] - rows.times[i - 1];
      if (spacing == 0) {
        throw error(
            origin, rows.lines[i], "duplicate timestamp (same as line " + rows.lines[i - 1] + ")");
      }
      if (spacing < 0) {
        throw error(
            origin,
            rows.lines[i],
            "timestamp is earlier than the one on line "
                + rows.lines[i - 1]
                + ": timestamps must be sorted");
      }
    }
  }

  /** E.g. {@code 23148d3h5m20s}; whole days alone as {@code 7d}. */
  private static String days(long seconds) {
    StringBuilder out = new StringBuilder().append(seconds / 86_400).append('d');
    long rest = seconds % 86_400;
    if (rest > 0) {
      out.append(rest / 3600).append('h').append(rest % 3600 / 60).append('m');
      out.append(rest % 60).append('s');
    }
    return out.toString();
  }

  private static String stripBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }

  private static TraceException error(String origin, int lineNumber, String message) {
    return new TraceException(origin + ": line " + lineNumber + ": " + message);
  }
}
