package io.predictivescaler.core.kube;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.function.Consumer;

/**
 * Turns off fabric8's own retry of failed requests so that tests see the scaler's retries, and
 * keeps request timeouts short.
 */
public final class NoBuiltInRetries implements Consumer<KubernetesClientBuilder> {

  @Override
  public void accept(KubernetesClientBuilder builder) {
    builder
        .editOrNewConfig()
        .withRequestRetryBackoffLimit(0)
        .withRequestTimeout(5_000)
        .withConnectionTimeout(5_000)
        .endConfig();
  }
}
