package io.predictivescaler.collector.prometheus;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach one Prometheus. Build with {@link #of(URI)} and the {@code with*} methods.
 *
 * @param name source name for logs and metric tags
 * @param baseUrl e.g. {@code http://prometheus:9090} (a path prefix is kept)
 * @param bearerTokenFile token sent as {@code Authorization: Bearer}; re-read when it changes
 * @param basicAuth user and password, mutually exclusive with a bearer token
 * @param caFile PEM CA bundle to trust for {@code https}
 * @param requestTimeout per-request timeout of the HTTP client
 * @param headers extra headers sent with every request
 * @param maxPointsPerRequest range queries are split so no request exceeds this (Prometheus refuses
 *     more than 11,000 points per series)
 */
public record PrometheusOptions(
    String name,
    URI baseUrl,
    Optional<Path> bearerTokenFile,
    Optional<BasicAuth> basicAuth,
    Optional<Path> caFile,
    Duration requestTimeout,
    Map<String, String> headers,
    int maxPointsPerRequest) {

  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final int PROMETHEUS_MAX_POINTS = 11_000;
  public static final int DEFAULT_MAX_POINTS_PER_REQUEST = 10_000;

  /** HTTP basic credentials. */
  public record BasicAuth(String username, String password) {
    public BasicAuth {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
      return "BasicAuth[username=" + username + ", password=***]";
    }
  }

  public PrometheusOptions {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(bearerTokenFile, "bearerTokenFile");
    Objects.requireNonNull(basicAuth, "basicAuth");
    Objects.requireNonNull(caFile, "caFile");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("baseUrl must be http or https, got " + baseUrl);
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be > 0, got " + requestTimeout);
    }
    if (maxPointsPerRequest < 2 || maxPointsPerRequest > PROMETHEUS_MAX_POINTS) {
      throw new IllegalArgumentException(
          "maxPointsPerRequest must be in [2, "
              + PROMETHEUS_MAX_POINTS
              + "], got "
              + maxPointsPerRequest);
    }
    if (bearerTokenFile.isPresent() && basicAuth.isPresent()) {
      throw new IllegalArgumentException("set either bearerTokenFile or basicAuth, not both");
    }
    headers = Map.copyOf(headers);
  }

  public static PrometheusOptions of(URI baseUrl) {
    return new PrometheusOptions(
        "prometheus",
        baseUrl,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_REQUEST_TIMEOUT,
        Map.of(),
        DEFAULT_MAX_POINTS_PER_REQUEST);
  }

  public PrometheusOptions withName(String n) {
    return new PrometheusOptions(
        n,
        baseUrl,
        bearerTokenFile,
        basicAuth,
        caFile,
        requestTimeout,
        headers,
        maxPointsPerRequest);
  }

  public PrometheusOptions withBearerTokenFile(Path file) {
    return new PrometheusOptions(
        name,
        baseUrl,
        Optional.of(file),
        basicAuth,
        caFile,
        requestTimeout,
        headers,
        maxPointsPerRequest);
  }

  public PrometheusOptions withBasicAuth(String username, String password) {
    return new PrometheusOptions(
        name,
        baseUrl,
        bearerTokenFile,
        Optional.of(new BasicAuth(username, password)),
        caFile,
        requestTimeout,
        headers,
        maxPointsPerRequest);
  }

  public PrometheusOptions withCaFile(Path file) {
    return new PrometheusOptions(
        name,
        baseUrl,
        bearerTokenFile,
        basicAuth,
        Optional.of(file),
        requestTimeout,
        headers,
        maxPointsPerRequest);
  }

  public PrometheusOptions withRequestTimeout(Duration timeout) {
    return new PrometheusOptions(
        name, baseUrl, bearerTokenFile, basicAuth, caFile, timeout, headers, maxPointsPerRequest);
  }

  public PrometheusOptions withHeaders(Map<String, String> h) {
    return new PrometheusOptions(
        name, baseUrl, bearerTokenFile, basicAuth, caFile, requestTimeout, h, maxPointsPerRequest);
  }

  public PrometheusOptions withMaxPointsPerRequest(int points) {
    return new PrometheusOptions(
        name, baseUrl, bearerTokenFile, basicAuth, caFile, requestTimeout, headers, points);
  }

  /** {@code baseUrl} joined with an API path, without a doubled slash. */
  public String endpoint(String apiPath) {
    String base = baseUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + apiPath;
  }
}
