package io.predictivescaler.collector.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.InstantSample;
import io.predictivescaler.collector.source.MetricSourceException;
import io.predictivescaler.collector.source.PromQlQuery;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Prometheus source over {@code https} against a stub with a self-signed certificate. */
class PrometheusTlsTest {

  private static final PromQlQuery UP = new PromQlQuery("up");
  private static final Instant AT = Instant.ofEpochSecond(1_700_000_000L);
  private static final String VECTOR =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":"
          + "[{\"metric\":{\"job\":\"checkout\"},\"value\":[1700000000,\"42.5\"]}]}}";

  private final Vertx vertx = Vertx.vertx();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private SelfSignedCertificate certificate;

  /**
   * The first TLS handshake of a JVM (key parsing, provider set-up) took more than the default 5 s
   * on a loaded 2-core machine; these tests are about trust, not speed.
   */
  private static final Duration HANDSHAKE_ALLOWANCE = Duration.ofSeconds(30);

  private HttpServer server;
  private PrometheusSource source;

  @BeforeEach
  void startHttpsStub() throws Exception {
    certificate = SelfSignedCertificate.create("localhost");
    server =
        vertx
            .createHttpServer(
                new HttpServerOptions()
                    .setSsl(true)
                    .setKeyCertOptions(
                        new PemKeyCertOptions()
                            .setKeyPath(certificate.privateKeyPath())
                            .setCertPath(certificate.certificatePath())))
            .requestHandler(
                req -> {
                  paths.add(req.path());
                  req.response().putHeader("Content-Type", "application/json").end(VECTOR);
                })
            .listen(0, "127.0.0.1")
            .toCompletionStage()
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    if (source != null) {
      source.close();
    }
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    certificate.delete();
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The certificate is issued to {@code localhost}, so the URL names that host. */
  private String base() {
    return "https://localhost:" + server.actualPort();
  }

  private static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(HANDSHAKE_ALLOWANCE.getSeconds() + 10, TimeUnit.SECONDS);
  }

  @Test
  void trustsTheServerCertificateFromTheCaFile() throws Exception {
    source =
        new PrometheusSource(
            vertx,
            PrometheusOptions.of(URI.create(base()))
                .withRequestTimeout(HANDSHAKE_ALLOWANCE)
                .withCaFile(Path.of(certificate.certificatePath())));

    InstantSample sample = get(source.instant(UP, AT));

    assertThat(sample.present()).isTrue();
    assertThat(sample.time()).isEqualTo(AT);
    assertThat(sample.value()).isEqualTo(42.5);
    assertThat(paths).containsExactly("/api/v1/query");
  }

  @Test
  void withoutTheCaFileTheHandshakeFailsNamingTheUrl() {
    source =
        new PrometheusSource(
            vertx,
            PrometheusOptions.of(URI.create(base())).withRequestTimeout(HANDSHAKE_ALLOWANCE));

    assertThatThrownBy(() -> get(source.instant(UP, AT)))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            MetricSourceException.class,
            e -> assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION))
        .hasMessageStartingWith("querying Prometheus at " + base() + "/api/v1/query (query up): ")
        .hasMessageContaining("SSL")
        .hasCauseInstanceOf(SSLHandshakeException.class);
    assertThat(paths).isEmpty();
  }

  @Test
  void theCaFileDoesNotTurnOffHostNameVerification() {
    String byAddress = "https://127.0.0.1:" + server.actualPort();
    source =
        new PrometheusSource(
            vertx,
            PrometheusOptions.of(URI.create(byAddress))
                .withRequestTimeout(HANDSHAKE_ALLOWANCE)
                .withCaFile(Path.of(certificate.certificatePath())));

    assertThatThrownBy(() -> get(source.instant(UP, AT)))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            MetricSourceException.class,
            e -> assertThat(e.kind()).isEqualTo(FailureKind.CONNECTION))
        .hasMessageStartingWith(
            "querying Prometheus at " + byAddress + "/api/v1/query (query up): ")
        .hasCauseInstanceOf(SSLHandshakeException.class);
    assertThat(paths).isEmpty();
  }
}
