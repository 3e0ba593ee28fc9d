package io.predictivescaler.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * fabric8's mock API server (CRUD mode) made to answer Helm 3 as helm-java drives it: discovery and
 * {@code /version} ({@link ApiDiscovery}), release Secrets sent as protobuf ({@link
 * SecretProtobuf}), typed list kinds ({@code SecretList}, not {@code List}), strategic merge
 * patches ({@link StrategicMergePatch}, applied and stored as an update), and Jobs reported
 * complete as soon as they are created, standing in for the Job controller so that a hook Job does
 * not wait forever. Nothing validates objects against their schema; no controller runs (no pods, no
 * Deployment status). A request it cannot handle answers 500 with the reason.
 */
final class HelmApiServer implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String COMPLETE =
      "{\"succeeded\":1,\"conditions\":[{\"type\":\"Complete\",\"status\":\"True\"}]}";

  private final KubernetesMixedDispatcher crud;
  private final KubernetesMockServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();

  HelmApiServer() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    crud = new KubernetesMixedDispatcher(responses);
    Dispatcher dispatcher =
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer(request);
          }
        };
    server =
        new KubernetesMockServer(new Context(), new MockWebServer(), responses, dispatcher, false);
    server.init();
  }

  /** A kubeconfig whose current context is this server. */
  String kubeconfig() {
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: http://localhost:%d
        contexts:
        - name: mock
          context: {cluster: mock, user: mock}
        current-context: mock
        users:
        - name: mock
          user: {token: mock}
        """
        .formatted(server.getPort());
  }

  KubernetesClient client() {
    return server.createClient();
  }

  /** Every request as {@code METHOD path -> code}, in order. */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** Requests answered 500 because this server could not handle them, with the reason. */
  List<String> failures() {
    return List.copyOf(failures);
  }

  @Override
  public void close() {
    server.destroy();
  }

  private MockResponse answer(RecordedRequest request) {
    MockResponse response;
    try {
      response = handle(request);
    } catch (RuntimeException e) {
      failures.add(request.getMethod() + " " + request.getPath() + ": " + e);
      response = new MockResponse().setResponseCode(500).setBody(String.valueOf(e));
    }
    if (response.getHeaders().get("Content-Type") == null) {
      response.setHeader("Content-Type", "application/json");
    }
    requests.add(request.getMethod() + " " + request.getPath() + " -> " + response.code());
    return response;
  }

  private MockResponse handle(RecordedRequest request) {
    String path = request.getPath().replaceFirst("\\?.*", "");
    String method = request.getMethod();
    String contentType = Optional.ofNullable(request.getHeader("Content-Type")).orElse("");
    if (method.equals("GET")) {
      Optional<String> document = ApiDiscovery.document(path);
      if (document.isPresent()) {
        return new MockResponse().setResponseCode(200).setBody(document.get());
      }
      if (path.startsWith("/openapi/")) {
        return new MockResponse().setResponseCode(404).setBody("{}");
      }
      return withTypedListKind(path, crud.dispatch(request));
    }
    if (contentType.contains("protobuf")) {
      if (method.equals("DELETE")) {
        // DeleteOptions: the mock server deletes at once whatever the options say.
        return crud.dispatch(withBody(request, method, request.getPath(), ""));
      }
      String secret = Serialization.asJson(SecretProtobuf.decode(request.getBody().getBytes()));
      return crud.dispatch(withBody(request, method, request.getPath(), secret));
    }
    if (method.equals("PATCH") && contentType.startsWith("application/strategic-merge-patch")) {
      return crud.dispatch(withBody(request, "PUT", request.getPath(), patched(request, path)));
    }
    if (method.equals("POST") && path.endsWith("/jobs")) {
      return createdComplete(request, path);
    }
    return crud.dispatch(request);
  }

  private String patched(RecordedRequest request, String path) {
    MockResponse current = crud.dispatch(withBody(request, "GET", path, ""));
    if (current.code() != 200) {
      throw new IllegalStateException("patch of " + path + ": object not found");
    }
    try {
      ObjectNode object = (ObjectNode) JSON.readTree(current.getBody().readUtf8());
      ObjectNode patch = (ObjectNode) JSON.readTree(request.getUtf8Body());
      return JSON.writeValueAsString(StrategicMergePatch.apply(object, patch));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private MockResponse createdComplete(RecordedRequest request, String path) {
    MockResponse created = crud.dispatch(request);
    if (created.code() != 201) {
      return created;
    }
    try {
      ObjectNode job = (ObjectNode) JSON.readTree(created.getBody().readUtf8());
      job.set("status", JSON.readTree(COMPLETE));
      String status = path + "/" + job.path("metadata").path("name").asText() + "/status";
      MockResponse updated =
          crud.dispatch(withBody(request, "PUT", status, JSON.writeValueAsString(job)));
      if (updated.code() != 200) {
        throw new IllegalStateException("marking Job complete: HTTP " + updated.code());
      }
      return created.setBody(updated.getBody().readUtf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static MockResponse withTypedListKind(String path, MockResponse response) {
    String plural = path.substring(path.lastIndexOf('/') + 1);
    Optional<ApiDiscovery.Resource> resource =
        ApiDiscovery.RESOURCES.stream().filter(r -> r.plural().equals(plural)).findFirst();
    if (response.code() != 200 || resource.isEmpty() || response.getBody() == null) {
      return response;
    }
    String body = response.getBody().readUtf8();
    return response.setBody(
        body.replaceFirst("\"kind\":\"List\"", "\"kind\":\"" + resource.get().kind() + "List\""));
  }

  private static RecordedRequest withBody(
      RecordedRequest request, String method, String path, String body) {
    return new RecordedRequest(
        method + " " + path + " HTTP/1.1",
        HttpMethod.valueOf(method),
        path,
        request.getHeaders().newBuilder().set("Content-Type", "application/json").build(),
        new Buffer(body.getBytes(StandardCharsets.UTF_8)));
  }
}
