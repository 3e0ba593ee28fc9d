package io.predictivescaler.core.config;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.predictivescaler.core.decision.ReasonCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warning Events on policy ConfigMaps: {@code InvalidPolicy} when one is rejected, {@code
 * ShadowedPolicy} when an older ConfigMap owns a workload it defines. Blocking.
 */
final class PolicyEvents {

  static final String REASON = ReasonCode.INVALID_POLICY.code();
  static final String SHADOWED_REASON = ReasonCode.SHADOWED_POLICY.code();
  static final String COMPONENT = "predictive-scaler";

  /** Event messages past this are cut; events.k8s.io caps its {@code note} at 1 kB. */
  static final int MAX_MESSAGE = 1024;

  private static final int MAX_PREFIX = 200;
  private static final int MAX_LISTED = 5;
  private static final int MAX_HEADLINE = 400;

  private static final Logger LOG = LoggerFactory.getLogger(PolicyEvents.class);

  private final KubernetesClient client;
  private final Clock clock;
  private final AtomicLong sequence = new AtomicLong();

  PolicyEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * The rejection of {@code configMap}; {@code unmanaged} lists the workloads it names when it has
   * no last good policy in force (empty otherwise, or when none can be read).
   */
  void invalid(
      ConfigMap configMap, List<ConfigError> errors, boolean lastGoodKept, List<String> unmanaged) {
    String headline =
        lastGoodKept
            ? "last good policy kept"
            : "no last good policy since the scaler started, so its workloads are unmanaged"
                + listed(unmanaged);
    emit(configMap, REASON, message(headline, errors));
  }

  void shadowed(ConfigMap configMap, PolicyStore.Shadowed shadowed) {
    emit(
        configMap,
        SHADOWED_REASON,
        shadowed.target()
            + " is also defined in "
            + shadowed.owner()
            + ", which is older and owns it: this definition is not in force");
  }

  private void emit(ConfigMap configMap, String reason, String message) {
    String namespace = configMap.getMetadata().getNamespace();
    String name = configMap.getMetadata().getName();
    Instant now = clock.instant();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(namespace)
            .withName(eventName(name, now))
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion("v1")
                    .withKind("ConfigMap")
                    .withNamespace(namespace)
                    .withName(name)
                    .withUid(configMap.getMetadata().getUid())
                    .withResourceVersion(configMap.getMetadata().getResourceVersion())
                    .build())
            .withType("Warning")
            .withReason(reason)
            .withMessage(message)
            .withCount(1)
            .withFirstTimestamp(now.toString())
            .withLastTimestamp(now.toString())
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warn(
          "could not record {} Event configmap={}/{} error=\"{}\"; the problem is in this log"
              + " only",
          reason,
          namespace,
          name,
          e.getMessage());
    }
  }

  /**
   * {@code <configmap>.<hex millis><hex sequence>}, like kubectl's, within the 253-character limit.
   */
  private String eventName(String configMap, Instant now) {
    String prefix =
        configMap.length() > MAX_PREFIX ? configMap.substring(0, MAX_PREFIX) : configMap;
    return String.format(
        "%s.%x%04x", prefix, now.toEpochMilli(), sequence.incrementAndGet() & 0xffff);
  }

  private static String listed(List<String> targets) {
    if (targets.isEmpty()) {
      return "";
    }
    String shown = String.join(", ", targets.subList(0, Math.min(MAX_LISTED, targets.size())));
    int more = targets.size() - MAX_LISTED;
    return " (" + shown + (more > 0 ? " and " + more + " more" : "") + ")";
  }

  /** The message of a rejection whose last good policy stays in force. */
  static String message(List<ConfigError> errors) {
    return message("last good policy kept", errors);
  }

  /**
   * {@code policies.yaml rejected, <headline> (3 errors): a: ...; b: ...; ... 1 more}, cut to
   * {@link #MAX_MESSAGE} characters between whole errors.
   */
  static String message(String headline, List<ConfigError> errors) {
    if (headline.length() > MAX_HEADLINE) {
      headline = headline.substring(0, MAX_HEADLINE - 3) + "...";
    }
    int n = errors.size();
    StringBuilder out =
        new StringBuilder(ConfigMapPolicyWatcher.POLICY_KEY)
            .append(" rejected, ")
            .append(headline)
            .append(" (")
            .append(n)
            .append(n == 1 ? " error): " : " errors): ");
    for (int i = 0; i < n; i++) {
      String item = (i == 0 ? "" : "; ") + errors.get(i);
      int after = n - i - 1;
      String suffix = after == 0 ? "" : "; ... " + after + " more";
      if (out.length() + item.length() + suffix.length() <= MAX_MESSAGE) {
        out.append(item);
        continue;
      }
      if (i > 0) {
        return out.append("; ... ").append(n - i).append(" more").toString();
      }
      String tail = after == 0 ? "..." : "... (" + after + " more)";
      int room = MAX_MESSAGE - out.length() - tail.length();
      return out.append(item, 0, room).append(tail).toString();
    }
    return out.toString();
  }
}
