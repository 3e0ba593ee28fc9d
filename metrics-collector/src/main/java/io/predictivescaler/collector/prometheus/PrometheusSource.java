package io.predictivescaler.collector.prometheus;

import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricQuery;
import io.predictivescaler.collector.source.MetricSource;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.PromQlQuery;
import io.predictivescaler.collector.source.RangeSamples;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Reads PromQL from Prometheus' HTTP API with the Vert.x WebClient: {@code /api/v1/query} for a
 * tick, {@code /api/v1/query_range} for backfill, split so that no request asks for more than
 * {@link PrometheusOptions#maxPointsPerRequest()} points.
 */
public final class PrometheusSource implements MetricSource {

  static final String QUERY_PATH = "/api/v1/query";
  static final String QUERY_RANGE_PATH = "/api/v1/query_range";

  private final PrometheusOptions options;
  private final WebClient client;
  private final BearerTokenFile token;

  public PrometheusSource(Vertx vertx, PrometheusOptions options) {
    this.options = options;
    WebClientOptions clientOptions =
        new WebClientOptions()
            .setUserAgent("predictive-scaler")
            .setConnectTimeout(
                (int) Math.min(Integer.MAX_VALUE, options.requestTimeout().toMillis()));
    options
        .caFile()
        .ifPresent(
            ca ->
                clientOptions
                    .setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()))
                    .setVerifyHost(true));
    this.client = WebClient.create(vertx, clientOptions);
    this.token =
        options
            .bearerTokenFile()
            .map(f -> new BearerTokenFile(vertx.fileSystem(), f, options.name()))
            .orElse(null);
  }

  @Override
  public String name() {
    return options.name();
  }

  @Override
  public boolean supportsRange() {
    return true;
  }

  @Override
  public CompletionStage<InstantSample> instant(MetricQuery query, Instant at) {
    String promql = promql(query);
    String url = options.endpoint(QUERY_PATH);
    PrometheusResponseParser parser = new PrometheusResponseParser(name(), url, promql);
    return send(url, promql, List.of("time", seconds(at)))
        .map(r -> parser.parseInstant(r.statusCode(), r.bodyAsString(), at))
        .toCompletionStage();
  }

  @Override
  public CompletionStage<RangeSamples> range(
      MetricQuery query, Instant from, Instant to, Duration step) {
    String promql = promql(query);
    if (step.isNegative() || step.isZero() || to.isBefore(from)) {
      throw new IllegalArgumentException(
          "range needs step > 0 and from <= to, got " + from + ".." + to + " step " + step);
    }
    String url = options.endpoint(QUERY_RANGE_PATH);
    PrometheusResponseParser parser = new PrometheusResponseParser(name(), url, promql);
    Duration chunk = step.multipliedBy(options.maxPointsPerRequest() - 1L);
    List<RangeSamples> parts = new ArrayList<>();
    Future<Void> chain = Future.succeededFuture();
    for (Instant start = from; !start.isAfter(to); start = start.plus(chunk).plus(step)) {
      Instant chunkStart = start;
      Instant chunkEnd = min(to, start.plus(chunk));
      chain =
          chain
              .compose(
                  v ->
                      send(
                          url,
                          promql,
                          List.of(
                              "start", seconds(chunkStart),
                              "end", seconds(chunkEnd),
                              "step", seconds(step))))
              .map(
                  r -> {
                    parts.add(parser.parseRange(r.statusCode(), r.bodyAsString()));
                    return null;
                  });
    }
    return chain.map(v -> RangeSamples.concat(parts)).toCompletionStage();
  }

  @Override
  public void close() {
    client.close();
  }

  private Future<HttpResponse<Buffer>> send(String url, String promql, List<String> params) {
    Future<String> bearer = token == null ? Future.succeededFuture(null) : token.current();
    return bearer
        .compose(
            t -> {
              HttpRequest<Buffer> request =
                  client
                      .getAbs(url)
                      .timeout(options.requestTimeout().toMillis())
                      .addQueryParam("query", promql);
              for (int i = 0; i < params.size(); i += 2) {
                request.addQueryParam(params.get(i), params.get(i + 1));
              }
              options.headers().forEach(request::putHeader);
              if (t != null) {
                request.bearerTokenAuthentication(t);
              }
              options
                  .basicAuth()
                  .ifPresent(b -> request.basicAuthentication(b.username(), b.password()));
              return request.send();
            })
        .recover(e -> Future.failedFuture(transportFailure(url, promql, e)));
  }

  private MetricSourceException transportFailure(String url, String promql, Throwable e) {
    if (e instanceof MetricSourceException already) {
      return already;
    }
    FailureKind kind =
        e instanceof ConnectException || e.getCause() instanceof ConnectException
            ? FailureKind.CONNECTION
            : e.getClass().getSimpleName().contains("Timeout")
                ? FailureKind.TIMEOUT
                : FailureKind.CONNECTION;
    return new MetricSourceException(
        name(),
        kind,
        "querying Prometheus at " + url + " (query " + promql + "): " + e.getMessage(),
        e);
  }

  private String promql(MetricQuery query) {
    if (query instanceof PromQlQuery p) {
      return p.expression();
    }
    throw new IllegalArgumentException(
        "source " + name() + " reads PromQL queries, got " + query.describe());
  }

  static String seconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli(), 3).stripTrailingZeros().toPlainString();
  }

  static String seconds(Duration d) {
    return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }
}
