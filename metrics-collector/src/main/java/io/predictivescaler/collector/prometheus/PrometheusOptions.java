package io.predictivescaler.collector.prometheus;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * How to reach one Prometheus. Build with {@link #of(URI)} and the {@code with*} methods.
 *
 * @param name source name for logs and metric tags
 * @param baseUrl e.g. {@code http://prometheus:9090} (a path prefix is kept); credentials written
 *     into it ({@code http://user:pass@host}) are taken out and used as {@code basicAuth} when no
 *     other credentials are set, so they never appear in messages
 * @param bearerTokenFile token sent as {@code Authorization: Bearer}; re-read when it changes
 * @param basicAuth user and password (inline or in a file re-read when it changes), mutually
 *     exclusive with a bearer token
 * @param caFile PEM CA bundle to trust for {@code https}
 * @param requestTimeout connect and idle timeout of one HTTP request
 * @param headers extra headers sent with every request
 * @param maxPointsPerRequest range queries are split so no request exceeds this (Prometheus refuses
 *     more than 11,000 points per series)
 * @param maxResponseBytes a response body longer than this is refused while it streams in, never
 *     buffered whole
 * @param trustedNamespaces namespaces whose queries run as written; queries of any other namespace
 *     are confined to it (see {@link NamespaceMatcherInjector})
 */
public record PrometheusOptions(
    String name,
    URI baseUrl,
    Optional<Path> bearerTokenFile,
    Optional<BasicAuth> basicAuth,
    Optional<Path> caFile,
    Duration requestTimeout,
    Map<String, String> headers,
    int maxPointsPerRequest,
    long maxResponseBytes,
    Set<String> trustedNamespaces) {

  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
  public static final int PROMETHEUS_MAX_POINTS = 11_000;
  public static final int DEFAULT_MAX_POINTS_PER_REQUEST = 10_000;
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 10L * 1024 * 1024;
  public static final long MIN_RESPONSE_BYTES = 1024;

  /**
   * HTTP basic credentials: the password inline or in a file (a mounted Secret) re-read whenever it
   * changes.
   */
  public record BasicAuth(String username, Optional<String> password, Optional<Path> passwordFile) {
    public BasicAuth {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(passwordFile, "passwordFile");
      if (password.isPresent() == passwordFile.isPresent()) {
        throw new IllegalArgumentException(
            "basicAuth needs exactly one of password and passwordFile");
      }
    }

    public static BasicAuth inline(String username, String password) {
      return new BasicAuth(username, Optional.of(password), Optional.empty());
    }

    public static BasicAuth fromFile(String username, Path passwordFile) {
      return new BasicAuth(username, Optional.empty(), Optional.of(passwordFile));
    }

    @Override
    public String toString() {
      return "BasicAuth[username="
          + username
          + ", password="
          + passwordFile.map(f -> "file " + f).orElse("***")
          + "]";
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
      throw new IllegalArgumentException(
          "baseUrl must be http or https, got " + UrlRedaction.redact(baseUrl.toString()));
    }
    if (baseUrl.getRawUserInfo() != null) {
      if (basicAuth.isEmpty() && bearerTokenFile.isEmpty()) {
        basicAuth = Optional.of(fromUserInfo(baseUrl.getRawUserInfo()));
      }
      baseUrl = URI.create(baseUrl.toString().replaceFirst("//[^/?#@]*@", "//"));
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
    if (maxResponseBytes < MIN_RESPONSE_BYTES) {
      throw new IllegalArgumentException(
          "maxResponseBytes must be >= " + MIN_RESPONSE_BYTES + ", got " + maxResponseBytes);
    }
    if (bearerTokenFile.isPresent() && basicAuth.isPresent()) {
      throw new IllegalArgumentException(
          "set either bearerTokenFile or basicAuth (user:password@ in the URL is basic auth),"
              + " not both");
    }
    headers = Map.copyOf(headers);
    trustedNamespaces = Set.copyOf(trustedNamespaces);
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
        DEFAULT_MAX_POINTS_PER_REQUEST,
        DEFAULT_MAX_RESPONSE_BYTES,
        Set.of());
  }

  public PrometheusOptions withName(String n) {
    return edit(d -> d.name = n);
  }

  public PrometheusOptions withBearerTokenFile(Path file) {
    return edit(d -> d.bearerTokenFile = Optional.of(file));
  }

  public PrometheusOptions withBasicAuth(String username, String password) {
    return edit(d -> d.basicAuth = Optional.of(BasicAuth.inline(username, password)));
  }

  /** Basic auth whose password is read from a file, again whenever the file changes. */
  public PrometheusOptions withBasicAuthPasswordFile(String username, Path passwordFile) {
    return edit(d -> d.basicAuth = Optional.of(BasicAuth.fromFile(username, passwordFile)));
  }

  public PrometheusOptions withCaFile(Path file) {
    return edit(d -> d.caFile = Optional.of(file));
  }

  public PrometheusOptions withRequestTimeout(Duration timeout) {
    return edit(d -> d.requestTimeout = timeout);
  }

  public PrometheusOptions withHeaders(Map<String, String> h) {
    return edit(d -> d.headers = h);
  }

  public PrometheusOptions withMaxPointsPerRequest(int points) {
    return edit(d -> d.maxPointsPerRequest = points);
  }

  public PrometheusOptions withMaxResponseBytes(long bytes) {
    return edit(d -> d.maxResponseBytes = bytes);
  }

  public PrometheusOptions withTrustedNamespaces(Set<String> namespaces) {
    return edit(d -> d.trustedNamespaces = namespaces);
  }

  /** {@code baseUrl} joined with an API path, without a doubled slash. */
  public String endpoint(String apiPath) {
    String base = baseUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + apiPath;
  }

  private static BasicAuth fromUserInfo(String rawUserInfo) {
    int colon = rawUserInfo.indexOf(':');
    String user = colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon);
    String password = colon < 0 ? "" : rawUserInfo.substring(colon + 1);
    return BasicAuth.inline(
        URLDecoder.decode(user, StandardCharsets.UTF_8),
        URLDecoder.decode(password, StandardCharsets.UTF_8));
  }

  private PrometheusOptions edit(Consumer<Draft> change) {
    Draft d = new Draft(this);
    change.accept(d);
    return new PrometheusOptions(
        d.name,
        d.baseUrl,
        d.bearerTokenFile,
        d.basicAuth,
        d.caFile,
        d.requestTimeout,
        d.headers,
        d.maxPointsPerRequest,
        d.maxResponseBytes,
        d.trustedNamespaces);
  }

  /** The fields of an options record being changed by a {@code with*} method. */
  private static final class Draft {
    String name;
    URI baseUrl;
    Optional<Path> bearerTokenFile;
    Optional<BasicAuth> basicAuth;
    Optional<Path> caFile;
    Duration requestTimeout;
    Map<String, String> headers;
    int maxPointsPerRequest;
    long maxResponseBytes;
    Set<String> trustedNamespaces;

    Draft(PrometheusOptions o) {
      name = o.name;
      baseUrl = o.baseUrl;
      bearerTokenFile = o.bearerTokenFile;
      basicAuth = o.basicAuth;
      caFile = o.caFile;
      requestTimeout = o.requestTimeout;
      headers = o.headers;
      maxPointsPerRequest = o.maxPointsPerRequest;
      maxResponseBytes = o.maxResponseBytes;
      trustedNamespaces = o.trustedNamespaces;
    }
  }
}
