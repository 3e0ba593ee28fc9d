package io.predictivescaler.core.service;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import java.util.stream.Collectors;

/**
 * The Kubernetes client's configuration: fabric8's auto-configuration (kubeconfig from KUBECONFIG
 * or {@code ~/.kube/config}, else the in-cluster service account), with the kubeconfig context
 * chosen by {@code --kube-context} when it is set.
 */
public final class KubeClientConfig {

  private KubeClientConfig() {}

  /**
   * Loads the configuration.
   *
   * @param context the kubeconfig context to use; null: the kubeconfig's current context
   * @throws IllegalArgumentException when {@code context} is not in the kubeconfig (fabric8 alone
   *     would silently fall back to the current context)
   */
  public static Config load(String context) {
    Config config = Config.autoConfigure(context);
    if (context == null) {
      return config;
    }
    NamedContext current = config.getCurrentContext();
    if (current == null || !context.equals(current.getName())) {
      String known =
          config.getContexts().stream()
              .map(NamedContext::getName)
              .collect(Collectors.joining(", "));
      throw new IllegalArgumentException(
          "no context '"
              + context
              + "' in the kubeconfig (KUBECONFIG or ~/.kube/config); "
              + (known.isEmpty() ? "no kubeconfig was found" : "it has " + known));
    }
    return config;
  }
}
