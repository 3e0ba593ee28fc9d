package io.predictivescaler.core.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Lease-based leader election settings. Defaults follow client-go's (15 s / 10 s / 2 s).
 *
 * @param leaseName the coordination.k8s.io Lease shared by all replicas
 * @param leaseNamespace where the Lease lives
 * @param identity this replica (the pod name)
 * @param leaseDuration how long followers wait after the last renewal before taking over
 * @param renewDeadline how long the leader keeps trying to renew before it stops leading
 * @param retryPeriod how often acquisition and renewal are attempted
 */
public record LeaderElectionSettings(
    String leaseName,
    String leaseNamespace,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  public LeaderElectionSettings {
    Objects.requireNonNull(leaseName, "leaseName");
    Objects.requireNonNull(leaseNamespace, "leaseNamespace");
    Objects.requireNonNull(identity, "identity");
    if (leaseName.isBlank() || leaseNamespace.isBlank() || identity.isBlank()) {
      throw new IllegalArgumentException(
          "lease name, namespace and identity must not be blank, got '"
              + leaseNamespace
              + "/"
              + leaseName
              + "' as '"
              + identity
              + "'");
    }
    if (retryPeriod.isNegative()
        || retryPeriod.isZero()
        || renewDeadline.compareTo(retryPeriod) <= 0
        || leaseDuration.compareTo(renewDeadline) <= 0) {
      throw new IllegalArgumentException(
          "leader election needs leaseDuration > renewDeadline > retryPeriod > 0, got "
              + leaseDuration
              + " / "
              + renewDeadline
              + " / "
              + retryPeriod);
    }
  }

  /** Client-go's defaults: lease 15 s, renew deadline 10 s, retry every 2 s. */
  public static LeaderElectionSettings defaults(
      String leaseName, String leaseNamespace, String identity) {
    return new LeaderElectionSettings(
        leaseName,
        leaseNamespace,
        identity,
        Duration.ofSeconds(15),
        Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }
}
