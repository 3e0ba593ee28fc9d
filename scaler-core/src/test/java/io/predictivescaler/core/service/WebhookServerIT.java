package io.predictivescaler.core.service;

import static io.predictivescaler.core.admission.AdmissionReviewJson.createPolicy;
import static io.predictivescaler.core.admission.AdmissionReviewJson.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.core.admission.AdmissionHandler;
import io.predictivescaler.core.admission.AdmissionReviewJson;
import io.predictivescaler.core.admission.PolicyAdmission;
import io.predictivescaler.core.config.PolicySet;
import io.predictivescaler.core.config.PolicyWatchOptions;
import io.vertx.core.Vertx;
import io.vertx.core.net.SelfSignedCertificate;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The webhook's real HTTPS listener with a self-signed certificate made by the test, answering
 * AdmissionReview requests as the API server sends them, and serving a renewed certificate without
 * a restart. The client trusts only the test's certificate, as the API server trusts only the
 * webhook configuration's caBundle.
 */
class WebhookServerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration RELOAD = Duration.ofMillis(200);
  private static final String QUERY = "sum(rate(http_requests_total{app=\"checkout\"}[1m]))";

  @TempDir Path certDir;
  private final Vertx vertx = Vertx.vertx();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<SelfSignedCertificate> certificates = new ArrayList<>();
  private SelfSignedCertificate first;
  private WebhookServer webhook;

  @BeforeEach
  void startWithASelfSignedCertificate() throws Exception {
    first = install(certificate());
    webhook = server(certDir);
    vertx
        .deployVerticle(webhook)
        .toCompletionStage()
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    certificates.forEach(SelfSignedCertificate::delete);
  }

  @Test
  void allowsAValidPolicyConfigMap() throws Exception {
    HttpResponse<String> response =
        post(
            first,
            createPolicy("8f0c-valid", "shop", "policies", policy("shop", "checkout", QUERY))
                .text());

    JsonNode review = JSON.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(review.at("/response/uid").asText()).isEqualTo("8f0c-valid");
    assertThat(review.at("/response/allowed").asBoolean()).isTrue();
    assertThat(registry.counter(WebhookServer.REVIEWS_METER, "result", "allowed").count())
        .isEqualTo(1.0);
  }

  @Test
  void deniesAnInvalidPolicyWithTheFieldPathOfEachError() throws Exception {
    String yaml = policy("shop", "checkout", QUERY, "horizon: -5m", "quantile: 1.5");

    HttpResponse<String> response =
        post(first, createPolicy("8f0c-invalid", "shop", "policies", yaml).text());

    JsonNode review = JSON.readTree(response.body());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(review.at("/response/uid").asText()).isEqualTo("8f0c-invalid");
    assertThat(review.at("/response/allowed").asBoolean()).isFalse();
    assertThat(review.at("/response/status/message").asText().lines())
        .first()
        .isEqualTo("ConfigMap shop/policies: predictive-scaler rejects this policy (2 errors)");
    assertThat(review.at("/response/status/message").asText())
        .contains("\nworkloads[0].horizon: ")
        .contains("\nworkloads[0].quantile: ");
    assertThat(registry.counter(WebhookServer.REVIEWS_METER, "result", "denied").count())
        .isEqualTo(1.0);
  }

  @Test
  void allowsAConfigMapThatIsNotAPolicy() throws Exception {
    HttpResponse<String> response =
        post(
            first,
            AdmissionReviewJson.create("8f0c-plain", "shop", "app-settings")
                .data("policies.yaml", "not: [a policy")
                .text());

    JsonNode review = JSON.readTree(response.body());
    assertThat(review.at("/response/uid").asText()).isEqualTo("8f0c-plain");
    assertThat(review.at("/response/allowed").asBoolean()).isTrue();
  }

  @Test
  void answersAMalformedBodyWith400SayingWhatIsWrong() throws Exception {
    HttpResponse<String> response = post(first, "{\"kind\":\"AdmissionReview\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("error").asText())
        .contains("expected apiVersion admission.k8s.io/v1 and kind AdmissionReview");
    assertThat(registry.counter(WebhookServer.REVIEWS_METER, "result", "malformed").count())
        .isEqualTo(1.0);
  }

  @Test
  void answersOtherMethodsAndPathsWithAnError() throws Exception {
    HttpClient client = WebhookTls.client(first);
    HttpResponse<String> get =
        client.send(
            HttpRequest.newBuilder(uri(WebhookServer.PATH)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> elsewhere =
        client.send(
            HttpRequest.newBuilder(uri("/metrics")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(elsewhere.statusCode()).isEqualTo(404);
  }

  @Test
  void servesARenewedCertificateWithoutARestart() throws Exception {
    SelfSignedCertificate renewed = certificate();

    install(renewed);

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .ignoreExceptionsInstanceOf(SSLHandshakeException.class)
        .until(
            () ->
                post(renewed, AdmissionReviewJson.delete("u", "shop", "p").text()).statusCode()
                    == 200);
    assertThatThrownBy(() -> post(first, AdmissionReviewJson.delete("u", "shop", "p").text()))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void keepsServingTheCertificateItHasWhenTheNewFilesCannotBeUsed() throws Exception {
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    Logger logger = (Logger) LoggerFactory.getLogger(WebhookServer.class);
    logger.addAppender(logs);
    try {
      Files.writeString(certDir.resolve(WebhookSettings.KEY_FILE), "not a key\n");

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> logged(logs, "the previous one is still served"));
    } finally {
      logger.detachAppender(logs);
    }

    assertThat(post(first, AdmissionReviewJson.delete("u", "shop", "p").text()).statusCode())
        .isEqualTo(200);
  }

  /** Appends are synchronized on the appender, so the list is read under the same lock. */
  private static boolean logged(ListAppender<ILoggingEvent> logs, String text) {
    synchronized (logs) {
      return logs.list.stream().anyMatch(e -> e.getFormattedMessage().contains(text));
    }
  }

  @Test
  void failsToStartWithoutACertificateNamingTheDirectory(@TempDir Path empty) {
    WebhookServer withoutFiles = server(empty);

    assertThatThrownBy(
            () ->
                vertx
                    .deployVerticle(withoutFiles)
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS))
        .hasMessageContaining("admission webhook on port 0 with the certificate in " + empty);
  }

  private WebhookServer server(Path dir) {
    PolicyAdmission admission =
        new PolicyAdmission(
            new PolicyWatchOptions(List.of(), Optional.of("predictive-scaler")),
            () -> PolicySet.EMPTY);
    return new WebhookServer(
        "127.0.0.1",
        new WebhookSettings(0, dir),
        new AdmissionHandler(admission),
        registry,
        RELOAD);
  }

  private SelfSignedCertificate certificate() {
    SelfSignedCertificate certificate = SelfSignedCertificate.create("localhost");
    certificates.add(certificate);
    return certificate;
  }

  private SelfSignedCertificate install(SelfSignedCertificate certificate) throws Exception {
    WebhookTls.install(certificate, certDir);
    return certificate;
  }

  private HttpResponse<String> post(SelfSignedCertificate trusted, String body) throws Exception {
    return WebhookTls.client(trusted)
        .send(
            HttpRequest.newBuilder(uri(WebhookServer.PATH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("https://localhost:" + webhook.actualPort() + path);
  }
}
