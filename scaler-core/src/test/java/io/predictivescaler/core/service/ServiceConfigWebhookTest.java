package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The admission webhook's flags: off unless a certificate directory is given. */
class ServiceConfigWebhookTest {

  @TempDir Path certDir;

  @Test
  void servesNoWebhookByDefault() {
    ServiceConfig config = ServiceConfigParser.parse(new String[0], Map.of("POD_NAME", "p"));

    assertThat(config.servesWebhook()).isFalse();
    assertThat(config.webhook()).isNull();
  }

  @Test
  void servesTheWebhookOnTheDefaultPortWhenTheCertificateDirectoryIsSet() throws Exception {
    writeCertificateFiles();

    ServiceConfig config =
        ServiceConfigParser.parse(
            new String[] {"--webhook-cert-dir", certDir.toString()}, Map.of("POD_NAME", "p"));

    assertThat(config.webhook()).isEqualTo(new WebhookSettings(9443, certDir));
    assertThat(config.webhook().certFile()).isEqualTo(certDir.resolve("tls.crt"));
  }

  @Test
  void readsThePortAndDirectoryFromTheEnvironment() throws Exception {
    writeCertificateFiles();

    ServiceConfig config =
        ServiceConfigParser.parse(
            new String[0],
            Map.of(
                "POD_NAME", "p",
                "PREDICTIVE_SCALER_WEBHOOK_PORT", "10250",
                "PREDICTIVE_SCALER_WEBHOOK_CERT_DIR", certDir.toString()));

    assertThat(config.webhook()).isEqualTo(new WebhookSettings(10250, certDir));
  }

  @Test
  void rejectsAPortWithoutACertificateDirectory() {
    assertThatThrownBy(
            () ->
                ServiceConfigParser.parse(
                    new String[] {"--webhook-port", "9443"}, Map.of("POD_NAME", "p")))
        .isInstanceOf(ServiceConfigException.class)
        .hasMessageContaining(
            "--webhook-port: set to '9443' but --webhook-cert-dir"
                + " (PREDICTIVE_SCALER_WEBHOOK_CERT_DIR) is not; the webhook needs a directory with"
                + " tls.crt and tls.key");
  }

  @Test
  void namesTheMissingFileOfTheCertificateDirectory() throws Exception {
    Files.writeString(certDir.resolve("tls.crt"), "certificate");

    assertThatThrownBy(
            () ->
                ServiceConfigParser.parse(
                    new String[] {"--webhook-cert-dir", certDir.toString()},
                    Map.of("POD_NAME", "p")))
        .isInstanceOf(ServiceConfigException.class)
        .hasMessageContaining(
            "--webhook-cert-dir: tls.key does not exist or is not readable in '" + certDir + "'")
        .hasMessageNotContaining("tls.crt does not exist");
  }

  @Test
  void rejectsTheOpsPortAndABadPortNamingTheFlag() throws Exception {
    writeCertificateFiles();
    String dir = certDir.toString();

    assertThatThrownBy(
            () ->
                ServiceConfigParser.parse(
                    new String[] {"--webhook-cert-dir", dir, "--webhook-port", "8080"},
                    Map.of("POD_NAME", "p")))
        .hasMessageContaining(
            "--webhook-port: must differ from the ops HTTP port (--http-port), both are 8080");
    assertThatThrownBy(
            () ->
                ServiceConfigParser.parse(
                    new String[] {"--webhook-cert-dir", dir, "--webhook-port", "https"},
                    Map.of("POD_NAME", "p")))
        .hasMessageContaining("--webhook-port: must be a port number 1..65535, got 'https'");
  }

  private void writeCertificateFiles() throws Exception {
    Files.writeString(certDir.resolve("tls.crt"), "certificate");
    Files.writeString(certDir.resolve("tls.key"), "key");
  }
}
