package io.predictivescaler.core.kube;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * An API request as RBAC sees it: API group, resource (with subresource) and verb. Discovery and
 * other non-resource requests map to null.
 */
public record ApiCall(String apiGroup, String resource, String verb) {

  @Override
  public String toString() {
    return (apiGroup.isEmpty() ? "core" : apiGroup) + " " + resource + " " + verb;
  }

  /** Drains every request the mock server has recorded so far. */
  public static List<RecordedRequest> drain(KubernetesMockServer server)
      throws InterruptedException {
    List<RecordedRequest> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(1, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request);
    }
    return requests;
  }

  /** How many of the requests the mock server recorded so far wrote (PUT or PATCH); drains them. */
  public static long writes(KubernetesMockServer server) throws InterruptedException {
    return drain(server).stream().filter(ApiCall::isWrite).count();
  }

  /** Whether the request writes an object: a PUT or a PATCH. */
  public static boolean isWrite(RecordedRequest request) {
    return request.getMethod().equals("PUT") || request.getMethod().equals("PATCH");
  }

  /** Maps a request to RBAC terms; null for non-resource URLs such as discovery. */
  public static ApiCall of(RecordedRequest request) {
    return of(request.getMethod(), request.getPath());
  }

  /** Maps method and path (with query) to RBAC terms; null for non-resource URLs. */
  public static ApiCall of(String method, String pathAndQuery) {
    URI uri = URI.create(pathAndQuery);
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    List<String> parts =
        new ArrayList<>(Arrays.asList(uri.getPath().replaceFirst("^/", "").split("/")));
    String group;
    if (parts.size() >= 2 && parts.get(0).equals("api")) {
      group = "";
      parts = parts.subList(2, parts.size());
    } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      parts = parts.subList(3, parts.size());
    } else {
      return null;
    }
    if (parts.size() >= 3 && parts.get(0).equals("namespaces")) {
      parts = parts.subList(2, parts.size());
    }
    if (parts.isEmpty()) {
      return null;
    }
    String resource = parts.get(0) + (parts.size() >= 3 ? "/" + parts.get(2) : "");
    boolean named = parts.size() >= 2;
    String verb =
        switch (method.toUpperCase(Locale.ROOT)) {
          case "GET" -> named ? "get" : query.contains("watch=true") ? "watch" : "list";
          case "POST" -> "create";
          case "PUT" -> "update";
          case "PATCH" -> "patch";
          case "DELETE" -> named ? "delete" : "deletecollection";
          default -> method.toLowerCase(Locale.ROOT);
        };
    return new ApiCall(group, resource, verb);
  }
}
