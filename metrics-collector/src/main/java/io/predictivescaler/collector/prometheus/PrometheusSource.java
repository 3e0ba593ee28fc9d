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
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.PemTrustOptions;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;

/**
 * Reads PromQL from Prometheus' HTTP API with the Vert.x HTTP client: {@code /api/v1/query} for a
 * tick, {@code /api/v1/query_range} for backfill, split so that no request asks for more than
 * {@link PrometheusOptions#maxPointsPerRequest()} points. Bodies are read up to {@link
 * PrometheusOptions#maxResponseBytes()} and refused beyond it, never buffered whole.
 */
public final class PrometheusSource implements MetricSource {

  static final String QUERY_PATH = "/api/v1/query";
  static final String QUERY_RANGE_PATH = "/api/v1/query_range";

  private final PrometheusOptions options;
  private final HttpClient client;
  private final SecretFile token;
  private final SecretFile password;

  public PrometheusSource(Vertx vertx, PrometheusOptions options) {
    this.options = options;
    HttpClientOptions clientOptions =
        new HttpClientOptions()
            .setConnectTimeout(
                (int) Math.min(Integer.MAX_VALUE, options.requestTimeout().toMillis()));
    options
        .caFile()
        .ifPresent(
            ca ->
                clientOptions
                    .setTrustOptions(new PemTrustOptions().addCertPath(ca.toString()))
                    .setVerifyHost(true));
    this.client = vertx.createHttpClient(clientOptions);
    this.token =
        options
            .bearerTokenFile()
            .map(f -> new SecretFile(vertx.fileSystem(), f, options.name(), "bearer token"))
            .orElse(null);
    this.password =
        options
            .basicAuth()
            .flatMap(PrometheusOptions.BasicAuth::passwordFile)
            .map(f -> new SecretFile(vertx.fileSystem(), f, options.name(), "basic-auth password"))
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
    String promql;
    try {
      promql = promql(query);
    } catch (MetricSourceException e) {
      return CompletableFuture.failedFuture(e);
    }
    String url = options.endpoint(QUERY_PATH);
    PrometheusResponseParser parser = new PrometheusResponseParser(name(), url, promql);
    return send(url, promql, List.of("time", seconds(at)))
        .map(r -> parser.parseInstant(r.status(), r.body(), at))
        .toCompletionStage();
  }

  @Override
  public CompletionStage<RangeSamples> range(
      MetricQuery query, Instant from, Instant to, Duration step) {
    String promql;
    try {
      promql = promql(query);
    } catch (MetricSourceException e) {
      return CompletableFuture.failedFuture(e);
    }
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
                    parts.add(parser.parseRange(r.status(), r.body()));
                    return null;
                  });
    }
    return chain.map(v -> RangeSamples.concat(parts)).toCompletionStage();
  }

  @Override
  public void close() {
    client.close();
  }

  private Future<PrometheusAnswer> send(String url, String promql, List<String> params) {
    long timeout = options.requestTimeout().toMillis();
    return authorization()
        .compose(
            auth -> {
              StringBuilder uri = new StringBuilder(url).append("?query=").append(encode(promql));
              for (int i = 0; i < params.size(); i += 2) {
                uri.append('&').append(params.get(i)).append('=').append(encode(params.get(i + 1)));
              }
              RequestOptions request =
                  new RequestOptions()
                      .setMethod(HttpMethod.GET)
                      .setAbsoluteURI(uri.toString())
                      .setSsl("https".equals(options.baseUrl().getScheme()))
                      .setConnectTimeout(timeout)
                      .setIdleTimeout(timeout)
                      .putHeader(HttpHeaders.USER_AGENT, "predictive-scaler")
                      .putHeader(HttpHeaders.ACCEPT, "application/json");
              options.headers().forEach(request::putHeader);
              if (auth != null) {
                request.putHeader(HttpHeaders.AUTHORIZATION, auth);
              }
              return client.request(request);
            })
        .compose(
            request ->
                request
                    .send()
                    .compose(
                        response ->
                            BoundedBody.read(
                                    request,
                                    response,
                                    options.maxResponseBytes(),
                                    what -> tooLarge(url, promql, what))
                                .map(
                                    body ->
                                        new PrometheusAnswer(
                                            response.statusCode(),
                                            body.toString(StandardCharsets.UTF_8)))))
        .recover(e -> Future.failedFuture(transportFailure(url, promql, e)));
  }

  /** The {@code Authorization} header value, or null; files are re-read when they change. */
  private Future<String> authorization() {
    if (token != null) {
      return token.current().map(t -> "Bearer " + t);
    }
    if (options.basicAuth().isEmpty()) {
      return Future.succeededFuture(null);
    }
    PrometheusOptions.BasicAuth basic = options.basicAuth().get();
    Future<String> secret =
        password != null ? password.current() : Future.succeededFuture(basic.password().orElse(""));
    return secret.map(
        p ->
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((basic.username() + ":" + p).getBytes(StandardCharsets.UTF_8)));
  }

  private MetricSourceException tooLarge(String url, String promql, String what) {
    return new MetricSourceException(
        name(),
        FailureKind.RESPONSE_TOO_LARGE,
        "querying Prometheus at "
            + url
            + " (query "
            + promql
            + "): response body exceeds the limit of "
            + options.maxResponseBytes()
            + " bytes (maxResponseBytes; "
            + what
            + "); aggregate the query, e.g. sum(...), or raise the limit");
  }

  private MetricSourceException transportFailure(String url, String promql, Throwable e) {
    if (e instanceof MetricSourceException already) {
      return already;
    }
    FailureKind kind =
        e instanceof ConnectException || e.getCause() instanceof ConnectException
            ? FailureKind.CONNECTION
            : e instanceof TimeoutException || e.getClass().getSimpleName().contains("Timeout")
                ? FailureKind.TIMEOUT
                : FailureKind.CONNECTION;
    return new MetricSourceException(
        name(),
        kind,
        "querying Prometheus at "
            + url
            + " (query "
            + promql
            + "): "
            + UrlRedaction.redact(String.valueOf(e.getMessage())),
        e);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * The PromQL to send: a tenant's query confined to its namespace unless that namespace is
   * trusted.
   *
   * @throws MetricSourceException when the query asks for another namespace
   */
  private String promql(MetricQuery query) {
    if (!(query instanceof PromQlQuery p)) {
      throw new IllegalArgumentException(
          "source " + name() + " reads PromQL queries, got " + query.describe());
    }
    if (p.namespace().isEmpty() || options.trustedNamespaces().contains(p.namespace().get())) {
      return p.expression();
    }
    String namespace = p.namespace().get();
    Optional<String> problem = NamespaceMatcherInjector.problem(p.expression(), namespace);
    if (problem.isPresent()) {
      throw new MetricSourceException(
          name(),
          FailureKind.QUERY_ERROR,
          "query "
              + p.expression()
              + " cannot be confined to namespace "
              + namespace
              + ": "
              + problem.get());
    }
    return NamespaceMatcherInjector.confine(p.expression(), namespace);
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
