package io.predictivescaler.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.predictivescaler.core.actuate.ScalerAnnotations;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mock API server's CRUD dispatcher with the run's seams: it answers the next scaler requests
 * on a Deployment with armed faults (409, 403, 5xx, a response that arrives after the client gave
 * up), takes the Lease away in the middle of an actuation, and records every replica or HPA-floor
 * write with the Lease's holder at that moment. Scaler instances are told apart by their User-Agent
 * ({@link #AGENT_PREFIX} + identity).
 */
final class ChaosApiDispatcher extends KubernetesCrudDispatcher {

  static final String AGENT_PREFIX = "predictive-scaler-chaos/";
  static final String INTRUDER = "chaos-intruder";
  static final Duration TIMEOUT_DELAY = Duration.ofMillis(2500);

  private static final Pattern DEPLOYMENT =
      Pattern.compile("^/apis/apps/v1/namespaces/([^/]+)/deployments/([^/?]+)(/scale)?(\\?.*)?$");
  private static final Pattern HPA =
      Pattern.compile(
          "^/apis/autoscaling/v2/namespaces/([^/]+)/horizontalpodautoscalers/([^/?]+)(\\?.*)?$");
  private static final Pattern LEASE =
      Pattern.compile("^/apis/coordination.k8s.io/v1/namespaces/([^/]+)/leases(/[^/?]+)?(\\?.*)?$");
  private static final DateTimeFormatter MICRO_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX");

  private final ObjectMapper json = new ObjectMapper();
  private final Queue<FaultKind> armed = new ConcurrentLinkedQueue<>();
  private final Queue<ApiWrite> writes = new ConcurrentLinkedQueue<>();
  private final Map<String, Long> renewed = new ConcurrentHashMap<>();
  private final Map<FaultKind, Integer> served = new ConcurrentHashMap<>();
  private volatile String leaseHolder = "";
  private volatile String leasePath;
  private volatile boolean stealOnNextWrite;

  /** The next scaler request on a Deployment answers with {@code fault}. */
  void arm(FaultKind fault) {
    armed.add(fault);
  }

  /** The Lease goes to an intruder just before the next scaler write lands. */
  void stealLeaseOnNextWrite() {
    stealOnNextWrite = true;
  }

  boolean stealPending() {
    return stealOnNextWrite;
  }

  /** The writes recorded since the last call. */
  List<ApiWrite> drainWrites() {
    List<ApiWrite> drained = new ArrayList<>();
    for (ApiWrite w = writes.poll(); w != null; w = writes.poll()) {
      drained.add(w);
    }
    return drained;
  }

  String leaseHolder() {
    return leaseHolder;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String path = request.getPath();
    String method = request.getMethod();
    String writer = writer(request.getHeader("User-Agent"));
    boolean write = "PATCH".equals(method) || "PUT".equals(method);
    Matcher deployment = DEPLOYMENT.matcher(path);
    boolean onDeployment = deployment.matches() && !path.contains("watch=");
    if (writer != null && onDeployment) {
      FaultKind fault = armed.poll();
      if (fault != null && fault != FaultKind.API_TIMEOUT) {
        return status(fault);
      }
      if (fault == FaultKind.API_TIMEOUT) {
        return record(request, deployment, writer, write).setBodyDelay(TIMEOUT_DELAY);
      }
    }
    if (onDeployment) {
      return record(request, deployment, writer, write);
    }
    Matcher hpa = HPA.matcher(path);
    if (write && hpa.matches()) {
      Integer from = minReplicas(super.handleGet(withoutQuery(path)));
      String body = body(request);
      ApiWrite recorded =
          write(writer, hpa.group(1), hpa.group(2), true, restores(body), from, minReplicas(body));
      return dispatchRecording(request, recorded);
    }
    MockResponse response = super.dispatch(request);
    Matcher lease = LEASE.matcher(path);
    if (lease.matches() && !"GET".equals(method) && response.code() < 300) {
      onLeaseWritten(lease, path);
    }
    return response;
  }

  private MockResponse record(
      RecordedRequest request, Matcher deployment, String writer, boolean write) {
    if (write && deployment.group(3) != null) {
      if (writer != null && stealOnNextWrite) {
        stealOnNextWrite = false;
        steal();
      }
      String deploymentPath = withoutQuery(request.getPath()).replaceFirst("/scale$", "");
      Integer from = replicas(super.handleGet(deploymentPath));
      Integer to = replicas(body(request));
      return dispatchRecording(
          request, write(writer, deployment.group(1), deployment.group(2), false, false, from, to));
    }
    return super.dispatch(request);
  }

  /** Serves a write and keeps its record when the store accepted it. */
  private MockResponse dispatchRecording(RecordedRequest request, ApiWrite recorded) {
    MockResponse response = super.dispatch(request);
    if (response.code() < 300) {
      writes.add(recorded);
    }
    return response;
  }

  private ApiWrite write(
      String writer,
      String namespace,
      String name,
      boolean hpa,
      boolean restore,
      Integer from,
      Integer to) {
    long renewedAt = writer == null ? Long.MIN_VALUE : renewed.getOrDefault(writer, Long.MIN_VALUE);
    return new ApiWrite(
        writer, namespace, name, hpa, restore, from, to, System.nanoTime(), leaseHolder, renewedAt);
  }

  /** Whether an HPA patch removes the scaler's original-floor annotation: a restore. */
  private boolean restores(String body) {
    try {
      JsonNode annotation =
          json.readTree(body)
              .path("metadata")
              .path("annotations")
              .path(ScalerAnnotations.ORIGINAL_MIN_REPLICAS);
      return annotation.isNull();
    } catch (Exception e) {
      return false;
    }
  }

  /** Reads the Lease as stored after a write: its holder has just acquired or renewed it. */
  private void onLeaseWritten(Matcher lease, String path) {
    try {
      String stored = withoutQuery(path);
      if (lease.group(2) == null) {
        stored = leasePath != null ? leasePath : stored + "/predictive-scaler";
      }
      MockResponse current = super.handleGet(stored);
      if (current.code() >= 300) {
        leaseHolder = "";
        return;
      }
      JsonNode spec = json.readTree(current.getBody().readUtf8()).path("spec");
      String holder = spec.path("holderIdentity").asText("");
      leaseHolder = holder;
      if (!holder.isEmpty()) {
        renewed.put(holder, System.nanoTime());
      }
      leasePath = stored;
    } catch (Exception e) {
      throw new IllegalStateException("unreadable Lease write to " + path + ": " + e, e);
    }
  }

  /** Hands the Lease to an intruder with a fresh renew time, as a split brain would. */
  private void steal() {
    String path = leasePath;
    if (path == null) {
      return;
    }
    try {
      MockResponse current = super.handleGet(path);
      if (current.code() >= 300) {
        return;
      }
      ObjectNode lease = (ObjectNode) json.readTree(current.getBody().readUtf8());
      ObjectNode spec = (ObjectNode) lease.path("spec");
      String now = MICRO_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
      spec.put("holderIdentity", INTRUDER);
      spec.put("acquireTime", now);
      spec.put("renewTime", now);
      spec.put("leaseDurationSeconds", 2);
      if (super.handleUpdate(path, json.writeValueAsString(lease)).code() < 300) {
        leaseHolder = INTRUDER;
      }
    } catch (Exception e) {
      throw new IllegalStateException("could not take the Lease " + path + ": " + e, e);
    }
  }

  private MockResponse status(FaultKind fault) {
    served.merge(fault, 1, Integer::sum);
    int code =
        switch (fault) {
          case API_CONFLICT -> 409;
          case API_FORBIDDEN -> 403;
          default -> served.get(fault) % 2 == 0 ? 503 : 500;
        };
    String reason = code == 409 ? "Conflict" : code == 403 ? "Forbidden" : "InternalError";
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(
            "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\""
                + reason
                + "\",\"code\":"
                + code
                + ",\"message\":\"chaos: injected "
                + fault.key()
                + "\"}");
  }

  private Integer replicas(MockResponse response) {
    return response.code() >= 300 ? null : replicas(response.getBody().readUtf8());
  }

  private Integer replicas(String body) {
    return intAt(body, "replicas");
  }

  private Integer minReplicas(MockResponse response) {
    return response.code() >= 300 ? null : minReplicas(response.getBody().readUtf8());
  }

  private Integer minReplicas(String body) {
    return intAt(body, "minReplicas");
  }

  private Integer intAt(String body, String field) {
    try {
      JsonNode value = json.readTree(body).path("spec").path(field);
      return value.isNumber() ? value.asInt() : null;
    } catch (Exception e) {
      return null;
    }
  }

  /** The body without consuming it: the CRUD dispatcher still has to read it. */
  private static String body(RecordedRequest request) {
    return new String(request.getBody().getBytes(), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String withoutQuery(String path) {
    int q = path.indexOf('?');
    return q < 0 ? path : path.substring(0, q);
  }

  private static String writer(String agent) {
    if (agent == null || !agent.startsWith(AGENT_PREFIX)) {
      return null;
    }
    String rest = agent.substring(AGENT_PREFIX.length());
    int space = rest.indexOf(' ');
    return space < 0 ? rest : rest.substring(0, space);
  }
}
