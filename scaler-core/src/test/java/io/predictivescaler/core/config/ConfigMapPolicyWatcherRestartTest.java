package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A watcher whose first list fails (API server unreachable) can be started again. */
class ConfigMapPolicyWatcherRestartTest {

  @Test
  void aFailedStartStopsTheWatcherSoItCanBeStartedAgain() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    List<PolicySet> published = new ArrayList<>();
    try (KubernetesClient client =
            new KubernetesClientBuilder()
                .withConfig(
                    new ConfigBuilder()
                        .withMasterUrl("http://127.0.0.1:" + closedPort)
                        .withRequestRetryBackoffLimit(0)
                        .withConnectionTimeout(1_000)
                        .build())
                .build();
        ConfigMapPolicyWatcher watcher =
            new ConfigMapPolicyWatcher(
                client,
                PolicyWatchOptions.allNamespaces(Optional.empty()),
                new SimpleMeterRegistry(),
                Clock.systemUTC(),
                published::add)) {

      CompletableFuture<Void> first = watcher.start().toCompletableFuture();
      assertThat(first).failsWithin(30, TimeUnit.SECONDS);

      assertThatCode(() -> watcher.start().toCompletableFuture().exceptionally(e -> null))
          .doesNotThrowAnyException();
      assertThat(published).isEmpty();
    }
  }
}
