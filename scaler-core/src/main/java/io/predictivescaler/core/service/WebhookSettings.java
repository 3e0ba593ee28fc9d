package io.predictivescaler.core.service;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The admission webhook's HTTPS listener: its port and the directory holding its certificate and
 * key as a {@code kubernetes.io/tls} Secret mounts them ({@value #CERT_FILE}, {@value #KEY_FILE},
 * PEM). The files are re-read while the service runs, so a renewed certificate is served without a
 * restart.
 *
 * @param port the port, 0 picks a free one
 * @param certDir the directory holding {@value #CERT_FILE} and {@value #KEY_FILE}
 */
public record WebhookSettings(int port, Path certDir) {

  public static final int DEFAULT_PORT = 9443;
  public static final String CERT_FILE = "tls.crt";
  public static final String KEY_FILE = "tls.key";

  public WebhookSettings {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("webhook port must be 0..65535, got " + port);
    }
    Objects.requireNonNull(certDir, "certDir");
  }

  /** The certificate chain, leaf first. */
  public Path certFile() {
    return certDir.resolve(CERT_FILE);
  }

  /** The private key, PKCS#8 or PKCS#1. */
  public Path keyFile() {
    return certDir.resolve(KEY_FILE);
  }
}
