package io.predictivescaler.core.service;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Prometheus HTTP API on a free local port that records the PromQL of every request ({@code
 * /api/v1/query} and {@code /api/v1/query_range}) and answers each with no series: what the
 * service's real {@code PrometheusSource} sends, after its own rewriting.
 */
final class RecordingPrometheus implements AutoCloseable {

  private static final String EMPTY_VECTOR =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}";
  private static final String EMPTY_MATRIX =
      "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";

  private final HttpServer server;
  private final List<String> queries = new CopyOnWriteArrayList<>();

  RecordingPrometheus() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/api/v1/",
        exchange -> {
          String rawQuery = exchange.getRequestURI().getRawQuery();
          for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            if (pair.startsWith("query=")) {
              queries.add(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
            }
          }
          boolean range = exchange.getRequestURI().getPath().endsWith("/query_range");
          byte[] body = (range ? EMPTY_MATRIX : EMPTY_VECTOR).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Every PromQL received so far, in arrival order. */
  List<String> queries() {
    return List.copyOf(queries);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
