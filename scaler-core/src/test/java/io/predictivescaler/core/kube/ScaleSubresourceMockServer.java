package io.predictivescaler.core.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.internal.MockDispatcher;
import io.fabric8.mockwebserver.internal.SimpleRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * fabric8's mock API server in CRUD mode, with a {@code /scale} subresource that answers reads as
 * the real API server does, for tests of targets whose pods are found by the Scale's selector.
 *
 * <p>CRUD mode answers {@code GET .../NAME/scale} with the whole object, which has no {@code
 * status.selector}. Here that read returns an autoscaling/v1 Scale built from the stored object:
 * {@code spec.replicas}, {@code status.replicas}, and the selector from {@code spec.selector} (the
 * apps kinds, as the API server formats it) or from {@code status.selector} (custom resources; the
 * tests' CRDs name that as their labelSelectorPath). Writes to {@code /scale} stay CRUD mode's JSON
 * merge patch of the object, which honours the resourceVersion precondition (409). Expectations
 * ({@code server.expect()}) come first, as in the mock server's own mixed mode.
 */
public final class ScaleSubresourceMockServer {

  private ScaleSubresourceMockServer() {}

  /** A started server; create clients with {@code createClient()}, stop it with destroy(). */
  public static KubernetesMockServer start() {
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(Serialization.jsonMapper()),
            new MockWebServer(),
            responses,
            new ExpectationsThenCrud(responses),
            false);
    server.init();
    return server;
  }

  private static final class ExpectationsThenCrud extends Dispatcher {

    private final Map<ServerRequest, Queue<ServerResponse>> responses;
    private final MockDispatcher expectations;
    private final KubernetesCrudDispatcher crud = new ScaleAwareCrud();

    ExpectationsThenCrud(Map<ServerRequest, Queue<ServerResponse>> responses) {
      this.responses = responses;
      this.expectations = new MockDispatcher(responses);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      Queue<ServerResponse> queued =
          responses.get(
              new SimpleRequest(HttpMethod.valueOf(request.getMethod()), request.getPath()));
      if (queued != null && !queued.isEmpty()) {
        return expectations.dispatch(request);
      }
      return crud.dispatch(request);
    }

    @Override
    public void shutdown() {
      expectations.shutdown();
      crud.shutdown();
    }
  }

  private static final class ScaleAwareCrud extends KubernetesCrudDispatcher {

    private static final Pattern SCALE = Pattern.compile("(/apis?/.+/[^/?]+)/scale(\\?.*)?");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public MockResponse handleGet(String path) {
      Matcher scale = SCALE.matcher(path);
      if (!scale.matches()) {
        return super.handleGet(path);
      }
      MockResponse object = super.handleGet(scale.group(1));
      if (object.code() != 200) {
        return object;
      }
      try {
        String body = toScale(JSON.readTree(object.getBody().readUtf8()));
        return new MockResponse().setResponseCode(200).setBody(body);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("stored object is not JSON: " + path, e);
      }
    }

    private static String toScale(JsonNode object) {
      ObjectNode scale = JSON.createObjectNode();
      scale.put("apiVersion", "autoscaling/v1").put("kind", "Scale");
      ObjectNode metadata = scale.putObject("metadata");
      for (String field : List.of("name", "namespace", "uid", "resourceVersion")) {
        if (object.path("metadata").has(field)) {
          metadata.set(field, object.path("metadata").get(field));
        }
      }
      scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(0));
      ObjectNode status = scale.putObject("status");
      status.put("replicas", object.path("status").path("replicas").asInt(0));
      String selector =
          object.path("apiVersion").asText().startsWith("apps/")
              ? format(object.path("spec").path("selector").path("matchLabels"))
              : object.path("status").path("selector").asText("");
      if (!selector.isEmpty()) {
        status.put("selector", selector);
      }
      return scale.toString();
    }

    /** {@code matchLabels} as a selector string, {@code a=1,b=2}. */
    private static String format(JsonNode matchLabels) {
      List<String> terms = new ArrayList<>();
      matchLabels
          .fields()
          .forEachRemaining(e -> terms.add(e.getKey() + "=" + e.getValue().asText()));
      return String.join(",", terms);
    }
  }
}
