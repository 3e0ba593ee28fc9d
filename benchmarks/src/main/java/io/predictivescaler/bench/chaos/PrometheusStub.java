package io.predictivescaler.bench.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleBiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus HTTP API ({@code /api/v1/query}, {@code /api/v1/query_range}) answering each
 * workload's load (the {@code app} label of the query) from a function of time, and the faults the
 * run sets per workload or for all: down (the connection is closed without an answer), slow,
 * garbage (not JSON) and huge (more than the source's 10 MiB limit). Remembers, on the run's
 * monotonic time, when each workload was last answered with a value.
 */
final class PrometheusStub implements AutoCloseable {

  enum Mode {
    OK,
    DOWN,
    SLOW,
    GARBAGE,
    HUGE
  }

  private record Fault(Mode mode, long untilMillis, Duration delay) {}

  private static final Pattern APP = Pattern.compile("app=\"([^\"]+)\"");
  private static final String ALL = "*";
  private static final byte[] HUGE_BODY = hugeBody();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool(daemon());
  private final VirtualClock clock;
  private final ToDoubleBiFunction<String, Long> load;
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Map<String, Long> lastAnswered = new ConcurrentHashMap<>();
  private final AtomicLong instantQueries = new AtomicLong();

  /**
   * @param load the load of a workload at an epoch second; NaN for no data
   */
  PrometheusStub(VirtualClock clock, ToDoubleBiFunction<String, Long> load) throws IOException {
    this.clock = clock;
    this.load = load;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(executor);
    server.createContext("/api/v1/query", this::instant);
    server.createContext("/api/v1/query_range", this::range);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Sets a fault for one workload ({@code null}: all of them) until the monotonic time given. */
  void fault(String app, Mode mode, long untilMillis, Duration delay) {
    faults.put(app == null ? ALL : app, new Fault(mode, untilMillis, delay));
  }

  boolean faulted(String app) {
    return active(app) != Mode.OK;
  }

  /** Monotonic time of the newest answer with a value for {@code app}; MIN_VALUE for none. */
  long lastAnswered(String app) {
    return lastAnswered.getOrDefault(app, Long.MIN_VALUE);
  }

  long instantQueries() {
    return instantQueries.get();
  }

  private Mode active(String app) {
    long now = clock.elapsedMillis();
    Fault own = faults.get(app);
    if (own != null && own.untilMillis() > now) {
      return own.mode();
    }
    Fault all = faults.get(ALL);
    return all != null && all.untilMillis() > now ? all.mode() : Mode.OK;
  }

  private Fault fault(String app) {
    Fault own = faults.get(app);
    return own != null && own.untilMillis() > clock.elapsedMillis() ? own : faults.get(ALL);
  }

  private void instant(HttpExchange exchange) throws IOException {
    instantQueries.incrementAndGet();
    Map<String, String> params = params(exchange.getRequestURI());
    String app = app(params.get("query"));
    if (fail(exchange, app)) {
      return;
    }
    long time = seconds(params.get("time"));
    double value = load.applyAsDouble(app, time);
    String result =
        Double.isNaN(value) ? "" : "{\"metric\":{},\"value\":[" + time + ",\"" + value + "\"]}";
    if (!Double.isNaN(value)) {
      lastAnswered.put(app, clock.elapsedMillis());
    }
    send(
        exchange,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            + result
            + "]}}");
  }

  private void range(HttpExchange exchange) throws IOException {
    Map<String, String> params = params(exchange.getRequestURI());
    String app = app(params.get("query"));
    if (fail(exchange, app)) {
      return;
    }
    long start = seconds(params.get("start"));
    long end = seconds(params.get("end"));
    long step = Math.max(1, (long) Double.parseDouble(params.getOrDefault("step", "60")));
    StringBuilder values = new StringBuilder();
    for (long t = start; t <= end; t += step) {
      double value = load.applyAsDouble(app, t);
      if (!Double.isNaN(value)) {
        values.append(values.isEmpty() ? "" : ",").append('[').append(t).append(",\"");
        values.append(value).append("\"]");
      }
    }
    if (!values.isEmpty()) {
      lastAnswered.put(app, clock.elapsedMillis());
    }
    String result = values.isEmpty() ? "" : "{\"metric\":{},\"values\":[" + values + "]}";
    send(
        exchange,
        "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
            + result
            + "]}}");
  }

  /** Applies the workload's fault; true when the exchange is done. */
  private boolean fail(HttpExchange exchange, String app) throws IOException {
    Mode mode = active(app);
    switch (mode) {
      case OK -> {
        return false;
      }
      case DOWN -> {
        exchange.close();
        return true;
      }
      case SLOW -> {
        Fault fault = fault(app);
        sleep(fault == null ? Duration.ofMillis(500) : fault.delay());
        return false;
      }
      case GARBAGE -> {
        send(exchange, "<html>502 Bad Gateway</html>\u0000{\"status\":");
        return true;
      }
      case HUGE -> {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, HUGE_BODY.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(HUGE_BODY);
        } catch (IOException e) {
          // the source stops reading at its limit
        }
        return true;
      }
      default -> throw new IllegalStateException("unknown mode " + mode);
    }
  }

  private static void send(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String app(String query) {
    if (query == null) {
      return "";
    }
    Matcher m = APP.matcher(query);
    return m.find() ? m.group(1) : "";
  }

  private static long seconds(String value) {
    return value == null ? 0 : (long) Double.parseDouble(value);
  }

  private static Map<String, String> params(URI uri) {
    Map<String, String> params = new HashMap<>();
    String query = uri.getRawQuery();
    if (query == null) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        params.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return params;
  }

  private static void sleep(Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static byte[] hugeBody() {
    byte[] body = new byte[11 * 1024 * 1024];
    Arrays.fill(body, (byte) ' ');
    byte[] head =
        "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":["
            .getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, body, 0, head.length);
    body[body.length - 3] = ']';
    body[body.length - 2] = '}';
    body[body.length - 1] = '}';
    return body;
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread thread = new Thread(r, "chaos-prometheus");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
