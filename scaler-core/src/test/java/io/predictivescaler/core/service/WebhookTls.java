package io.predictivescaler.core.service;

import io.vertx.core.net.SelfSignedCertificate;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Certificates for the webhook's ITs: put in place like a mounted Secret, trusted by a client. */
final class WebhookTls {

  private WebhookTls() {}

  /** Puts the certificate's files in {@code dir} the way the kubelet does: each replaced whole. */
  static void install(SelfSignedCertificate certificate, Path dir) throws IOException {
    replace(Path.of(certificate.certificatePath()), dir.resolve(WebhookSettings.CERT_FILE));
    replace(Path.of(certificate.privateKeyPath()), dir.resolve(WebhookSettings.KEY_FILE));
  }

  private static void replace(Path source, Path target) throws IOException {
    Path staged = target.resolveSibling("." + target.getFileName() + ".new");
    Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
    Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * A new client trusting only {@code trusted}, as the API server trusts only the caBundle; new
   * each time, so that no TLS session outlives a certificate change.
   */
  static HttpClient client(SelfSignedCertificate trusted)
      throws IOException, GeneralSecurityException {
    KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
    trustStore.load(null, null);
    try (InputStream pem = Files.newInputStream(Path.of(trusted.certificatePath()))) {
      trustStore.setCertificateEntry(
          "webhook", CertificateFactory.getInstance("X.509").generateCertificate(pem));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trustStore);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
  }
}
