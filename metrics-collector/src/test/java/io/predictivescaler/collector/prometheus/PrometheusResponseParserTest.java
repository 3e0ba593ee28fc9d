package io.predictivescaler.collector.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.RangeSamples;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fixtures under {@code src/test/resources/prometheus} are answers of a real Prometheus 2.42
 * (Debian package), captured with curl; see the module README.
 */
class PrometheusResponseParserTest {

  private static final String URL = "http://127.0.0.1:9090/api/v1/query";
  private static final Instant AT = Instant.ofEpochSecond(1_795_309_729L);

  private final PrometheusResponseParser parser =
      new PrometheusResponseParser("prometheus", URL, "up");

  private static String fixture(String name) {
    try (InputStream in =
        PrometheusResponseParserTest.class.getResourceAsStream("/prometheus/" + name + ".json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void parsesOneSeriesVector() {
    InstantSample s = parser.parseInstant(200, fixture("instant-vector"), AT);

    assertThat(s.present()).isTrue();
    assertThat(s.value()).isEqualTo(1.0);
    assertThat(s.time()).isEqualTo(AT);
    assertThat(s.warnings()).isEmpty();
  }

  @Test
  void parsesScalar() {
    InstantSample s = parser.parseInstant(200, fixture("instant-scalar"), AT);

    assertThat(s.value()).isCloseTo(2.5, within(1e-12));
    assertThat(s.time()).isEqualTo(AT);
  }

  @Test
  void emptyVectorIsAnEmptySampleAtTheQueryTime() {
    InstantSample s = parser.parseInstant(200, fixture("instant-empty"), AT);

    assertThat(s.present()).isFalse();
    assertThat(s.time()).isEqualTo(AT);
  }

  @Test
  void keepsWarnings() {
    InstantSample s = parser.parseInstant(200, fixture("instant-vector-warnings"), AT);

    assertThat(s.value()).isEqualTo(1.0);
    assertThat(s.warnings()).singleElement().asString().startsWith("remote_read:");
  }

  @Test
  void parsesNaNAndInfinityAsTheyAre() {
    assertThat(parser.parseInstant(200, fixture("instant-nan"), AT).value()).isNaN();
    assertThat(parser.parseInstant(200, fixture("instant-inf"), AT).value())
        .isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  void severalSeriesIsAnErrorNamingTheQuery() {
    assertFails(
        () -> parser.parseInstant(200, fixture("instant-two-series"), AT),
        FailureKind.AMBIGUOUS,
        "returned 2 series where one was expected");
  }

  @Test
  void errorBodyCarriesTypeAndMessage() {
    assertFails(
        () -> parser.parseInstant(400, fixture("error-bad-data"), AT),
        FailureKind.QUERY_ERROR,
        "HTTP 400 bad_data: invalid parameter \"query\"");
  }

  @Test
  void tooManyPointsIsAQueryError() {
    assertFails(
        () -> parser.parseRange(400, fixture("error-too-many-points")),
        FailureKind.QUERY_ERROR,
        "11,000 points");
  }

  @Test
  void serverErrorWithoutJsonIsAnHttpStatusFailure() {
    assertFails(
        () -> parser.parseInstant(503, "Service Unavailable", AT),
        FailureKind.HTTP_STATUS,
        "HTTP 503: Service Unavailable");
  }

  @Test
  void garbageBodyIsABadResponseNamingTheUrl() {
    assertFails(
        () -> parser.parseInstant(200, "<html>proxy login</html>", AT),
        FailureKind.BAD_RESPONSE,
        "not a JSON object: <html>proxy login</html>");
  }

  @Test
  void matrixAtAnInstantIsABadResponse() {
    assertFails(
        () -> parser.parseInstant(200, fixture("range-matrix"), AT),
        FailureKind.BAD_RESPONSE,
        "expected a vector or scalar result, got matrix");
  }

  @Test
  void parsesMatrixPointsInOrder() {
    RangeSamples r = parser.parseRange(200, fixture("range-matrix"));

    assertThat(r.size()).isEqualTo(6);
    assertThat(r.time(0)).isEqualTo(Instant.ofEpochSecond(1_795_309_724L));
    assertThat(r.time(5)).isEqualTo(Instant.ofEpochSecond(1_795_309_729L));
    assertThat(r.values()).containsOnly(1.0);
  }

  @Test
  void parsesFractionalTimestampsAndNaNPoints() {
    RangeSamples r = parser.parseRange(200, fixture("range-nan"));

    assertThat(r.time(0)).isEqualTo(Instant.ofEpochMilli(1_795_309_732_500L));
    assertThat(java.util.Arrays.stream(r.values()).allMatch(Double::isNaN)).isTrue();
    assertThat(r.size()).isEqualTo(4);
  }

  @Test
  void parsesInfinitePoints() {
    RangeSamples r = parser.parseRange(200, fixture("range-inf"));

    assertThat(r.values()).containsOnly(Double.POSITIVE_INFINITY);
  }

  @Test
  void emptyMatrixHasNoPoints() {
    assertThat(parser.parseRange(200, fixture("range-empty")).size()).isZero();
  }

  @Test
  void parsesPrometheusValueSpellings() {
    assertThat(PrometheusResponseParser.parseValue("-Inf")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(PrometheusResponseParser.parseValue("1e-3")).isEqualTo(0.001);
  }

  /** Bodies of the wrong shape, each must fail as a bad response inside the parser. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{\"status\":\"success\",\"data\":[]}",
        "{\"status\":\"success\",\"data\":\"vector\"}",
        "{\"status\":\"success\",\"data\":{\"resultType\":7,\"result\":[]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":{}}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[7]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
            + "\"result\":[{\"value\":[\"now\",\"1\"]}]}}",
        "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":[1]}}",
        "{\"status\":\"success\",\"warnings\":{},\"data\":{\"resultType\":\"scalar\","
            + "\"result\":[1,\"1\"]}}",
        "{\"status\":[],\"data\":{}}",
        "{\"status\":\"error\",\"errorType\":[],\"error\":{}}",
        "[]"
      })
  void wrongShapeIsABadResponseNeverAnUncaughtException(String body) {
    ThrowingCallable instant = () -> parser.parseInstant(200, body, AT);
    ThrowingCallable range = () -> parser.parseRange(200, body);

    assertThatThrownBy(instant)
        .isInstanceOfSatisfying(
            MetricSourceException.class,
            e -> assertThat(e.kind()).isIn(FailureKind.BAD_RESPONSE, FailureKind.QUERY_ERROR))
        .hasMessageStartingWith("querying Prometheus at " + URL + " (query up): ");
    assertThatThrownBy(range)
        .isInstanceOfSatisfying(
            MetricSourceException.class,
            e -> assertThat(e.kind()).isIn(FailureKind.BAD_RESPONSE, FailureKind.QUERY_ERROR))
        .hasMessageStartingWith("querying Prometheus at " + URL + " (query up): ");
  }

  @Test
  void dataAsAnArrayNamesTheShape() {
    assertFails(
        () -> parser.parseInstant(200, "{\"status\":\"success\",\"data\":[]}", AT),
        FailureKind.BAD_RESPONSE,
        "unexpected response shape");
  }

  private static void assertFails(ThrowingCallable call, FailureKind kind, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            MetricSourceException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessageStartingWith("querying Prometheus at " + URL + " (query up): ")
        .hasMessageContaining(message);
  }
}
