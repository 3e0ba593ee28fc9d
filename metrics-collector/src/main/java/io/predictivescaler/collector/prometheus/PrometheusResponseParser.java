package io.predictivescaler.collector.prometheus;

import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.RangeSamples;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Turns Prometheus HTTP API answers ({@code /api/v1/query}, {@code /api/v1/query_range}) into
 * samples, or into a {@link MetricSourceException} whose message names the URL and the query.
 */
public final class PrometheusResponseParser {

  private static final int BODY_EXCERPT = 200;

  private final String source;
  private final String url;
  private final String query;

  /**
   * @param source source name for the exception
   * @param url the endpoint queried (no credentials), used in messages
   * @param query the PromQL, used in messages
   */
  public PrometheusResponseParser(String source, String url, String query) {
    this.source = source;
    this.url = url;
    this.query = query;
  }

  /** An instant query's answer; an empty vector gives an empty sample at {@code at}. */
  public InstantSample parseInstant(int httpStatus, String body, Instant at) {
    return shaped(
        body,
        () -> {
          JsonObject json = successData(httpStatus, body);
          List<String> warnings = warnings(json);
          JsonObject data = json.getJsonObject("data");
          String type = data.getString("resultType");
          if ("scalar".equals(type)) {
            JsonArray pair = data.getJsonArray("result");
            return new InstantSample(time(pair), number(pair), true, warnings);
          }
          if (!"vector".equals(type)) {
            throw fail(FailureKind.BAD_RESPONSE, "expected a vector or scalar result, got " + type);
          }
          JsonArray series = data.getJsonArray("result");
          if (series.isEmpty()) {
            return InstantSample.empty(at, warnings);
          }
          requireOneSeries(series);
          JsonArray pair = series.getJsonObject(0).getJsonArray("value");
          return new InstantSample(time(pair), number(pair), true, warnings);
        });
  }

  /** A range query's answer: the points of its one series, ascending. */
  public RangeSamples parseRange(int httpStatus, String body) {
    return shaped(
        body,
        () -> {
          JsonObject json = successData(httpStatus, body);
          List<String> warnings = warnings(json);
          JsonObject data = json.getJsonObject("data");
          String type = data.getString("resultType");
          if (!"matrix".equals(type)) {
            throw fail(FailureKind.BAD_RESPONSE, "expected a matrix result, got " + type);
          }
          JsonArray series = data.getJsonArray("result");
          if (series.isEmpty()) {
            return RangeSamples.empty(warnings);
          }
          requireOneSeries(series);
          JsonArray points = series.getJsonObject(0).getJsonArray("values");
          long[] times = new long[points.size()];
          double[] values = new double[points.size()];
          for (int i = 0; i < points.size(); i++) {
            JsonArray pair = points.getJsonArray(i);
            times[i] = time(pair).toEpochMilli();
            values[i] = number(pair);
          }
          return new RangeSamples(times, values, warnings);
        });
  }

  /**
   * Runs a parse so that any JSON of the wrong shape (an array where an object belongs, a missing
   * field, a string for a number) ends as a {@link FailureKind#BAD_RESPONSE} naming the query.
   */
  private <T> T shaped(String body, Supplier<T> parse) {
    try {
      return parse.get();
    } catch (MetricSourceException e) {
      throw e;
    } catch (ClassCastException
        | NullPointerException
        | IndexOutOfBoundsException
        | IllegalArgumentException
        | ArithmeticException
        | java.time.DateTimeException e) {
      throw fail(FailureKind.BAD_RESPONSE, "unexpected response shape: " + excerpt(body), e);
    }
  }

  /** Parses a sample value as Prometheus writes it: decimal, {@code NaN}, {@code +Inf}. */
  public static double parseValue(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }

  private JsonObject successData(int httpStatus, String body) {
    JsonObject json;
    try {
      json = body == null || body.isBlank() ? null : new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      json = null;
    }
    if (json != null && "error".equals(json.getValue("status"))) {
      FailureKind kind = httpStatus >= 500 ? FailureKind.HTTP_STATUS : FailureKind.QUERY_ERROR;
      throw fail(
          kind,
          "HTTP "
              + httpStatus
              + " "
              + json.getValue("errorType", "error")
              + ": "
              + json.getValue("error", "(no message)"));
    }
    if (httpStatus < 200 || httpStatus >= 300) {
      throw fail(FailureKind.HTTP_STATUS, "HTTP " + httpStatus + ": " + excerpt(body));
    }
    if (json == null) {
      throw fail(FailureKind.BAD_RESPONSE, "response is not a JSON object: " + excerpt(body));
    }
    if (!"success".equals(json.getValue("status")) || json.getValue("data") == null) {
      throw fail(FailureKind.BAD_RESPONSE, "response has no successful data: " + excerpt(body));
    }
    return json;
  }

  private static List<String> warnings(JsonObject json) {
    JsonArray array = json.getJsonArray("warnings");
    if (array == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(array.size());
    array.forEach(w -> out.add(String.valueOf(w)));
    return out;
  }

  private void requireOneSeries(JsonArray series) {
    if (series.size() > 1) {
      List<String> labels = new ArrayList<>();
      for (int i = 0; i < Math.min(3, series.size()); i++) {
        labels.add(String.valueOf(series.getJsonObject(i).getJsonObject("metric")));
      }
      throw fail(
          FailureKind.AMBIGUOUS,
          "query returned "
              + series.size()
              + " series where one was expected (aggregate it, e.g. sum(...)): "
              + String.join(", ", labels)
              + (series.size() > 3 ? ", ..." : ""));
    }
  }

  private static Instant time(JsonArray pair) {
    double seconds = ((Number) pair.getValue(0)).doubleValue();
    return Instant.ofEpochMilli(Math.round(seconds * 1000.0));
  }

  private double number(JsonArray pair) {
    String text = pair.getString(1);
    try {
      return parseValue(text);
    } catch (NumberFormatException e) {
      throw fail(FailureKind.BAD_RESPONSE, "sample value is not a number: " + text, e);
    }
  }

  private MetricSourceException fail(FailureKind kind, String what) {
    return fail(kind, what, null);
  }

  private MetricSourceException fail(FailureKind kind, String what, Throwable cause) {
    String message = "querying Prometheus at " + url + " (query " + query + "): " + what;
    return cause == null
        ? new MetricSourceException(source, kind, message)
        : new MetricSourceException(source, kind, message, cause);
  }

  private static String excerpt(String body) {
    if (body == null || body.isEmpty()) {
      return "(empty body)";
    }
    // cut before flattening: a body may be megabytes long
    String head = body.length() > 4 * BODY_EXCERPT ? body.substring(0, 4 * BODY_EXCERPT) : body;
    String flat = head.replaceAll("\\s+", " ").trim();
    return flat.length() <= BODY_EXCERPT ? flat : flat.substring(0, BODY_EXCERPT) + "...";
  }
}
