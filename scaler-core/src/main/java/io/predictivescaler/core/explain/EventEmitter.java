package io.predictivescaler.core.explain;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.ScaleTargetApi;
import java.net.HttpURLConnection;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes core/v1 Events about a scale target. The involved object carries the target's UID so that
 * {@code kubectl describe} of the target lists them.
 */
final class EventEmitter {

  static final String COMPONENT = "predictive-scaler";
  private static final int MAX_MESSAGE = 1024;

  private final KubernetesClient client;
  private final ScaleTargetApi targets;
  private final String instance;
  private final AtomicLong sequence = new AtomicLong();

  EventEmitter(KubernetesClient client, String instance) {
    this.client = client;
    this.targets = new ScaleTargetApi(client);
    this.instance = instance == null ? "" : instance;
  }

  void emit(TargetRef workload, Announcement announcement, Instant time) {
    String uid = uidOf(workload);
    String timestamp = time.toString();
    String message = announcement.message();
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE - 3) + "...";
    }
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withNamespace(workload.namespace())
            .withName(eventName(workload, time))
            .endMetadata()
            .withNewInvolvedObject()
            .withApiVersion(workload.kind().apiVersion())
            .withKind(workload.kind().kind())
            .withNamespace(workload.namespace())
            .withName(workload.name())
            .withUid(uid)
            .endInvolvedObject()
            .withType(announcement.warning() ? "Warning" : "Normal")
            .withReason(announcement.reason())
            .withMessage(message)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .withReportingInstance(instance)
            .withFirstTimestamp(timestamp)
            .withLastTimestamp(timestamp)
            .withCount(1)
            .build();
    try {
      client.v1().events().inNamespace(workload.namespace()).resource(event).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
        throw e;
      }
    }
  }

  private String uidOf(TargetRef workload) {
    try {
      return targets
          .object(workload)
          .map(GenericKubernetesResource::getMetadata)
          .map(m -> m.getUid())
          .orElse(null);
    } catch (KubernetesClientException e) {
      if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
        throw e;
      }
      return null; // the kind is not served: the Event still says what happened
    }
  }

  private String eventName(TargetRef workload, Instant time) {
    long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
    return workload.name() + "." + Long.toHexString(nanos + sequence.getAndIncrement());
  }
}
