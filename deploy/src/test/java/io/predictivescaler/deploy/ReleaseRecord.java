package io.predictivescaler.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** The release Helm stored in the API server: its Secret, status and rendered manifest. */
record ReleaseRecord(int version, String status, List<HasMetadata> manifest) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The newest revision of {@code name} in {@code namespace}, if Helm stored any. */
  static Optional<ReleaseRecord> newest(KubernetesClient client, String namespace, String name) {
    return secrets(client, namespace, name).stream()
        .map(ReleaseRecord::of)
        .max((a, b) -> Integer.compare(a.version(), b.version()));
  }

  /** Every revision's Secret of {@code name} in {@code namespace}. */
  static List<Secret> secrets(KubernetesClient client, String namespace, String name) {
    return client
        .secrets()
        .inNamespace(namespace)
        .withLabel("owner", "helm")
        .withLabel("name", name)
        .list()
        .getItems();
  }

  private static ReleaseRecord of(Secret secret) {
    byte[] stored = Base64.getDecoder().decode(secret.getData().get("release"));
    byte[] gzipped = Base64.getDecoder().decode(stored);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      JsonNode release = JSON.readTree(in.readAllBytes());
      return new ReleaseRecord(
          release.path("version").asInt(),
          release.path("info").path("status").asText(),
          Manifests.parse(release.path("manifest").asText()));
    } catch (IOException e) {
      throw new UncheckedIOException("decoding release " + secret.getMetadata().getName(), e);
    }
  }
}
