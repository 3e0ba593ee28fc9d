package io.predictivescaler.core.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.prometheus.client.exporter.common.TextFormat;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ops HTTP endpoints: {@code /healthz} (liveness: answered by the event loop itself), {@code
 * /readyz}, {@code /metrics} (Prometheus text of the one registry that holds our, Vert.x's and
 * Resilience4j's meters), {@code /api/v1/workloads} and {@code /api/v1/workloads/:namespace/:name}.
 * Everything that is not trivial runs off the event loop. With an access check every path but the
 * two probes goes through it first (unknown paths included); without one the server warns at start
 * that anyone who reaches it can read every tenant's queries, loads and decisions.
 */
// the simpleclient flavour of the Prometheus registry is deprecated but pinned
// (docs/ARCHITECTURE.md §10)
@SuppressWarnings("deprecation")
public final class OpsHttpServer extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(OpsHttpServer.class);
  private static final String JSON = "application/json";

  private final String bindAddress;
  private final int port;
  private final PrometheusMeterRegistry registry;
  private final Supplier<ReadinessStatus> readiness;
  private final WorkloadStatusProvider workloads;
  private final Optional<OpsAuthHandler> auth;
  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  private volatile HttpServer server;

  /**
   * @param bindAddress the IP address to listen on, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
   * @param port the port to listen on; 0 picks a free one (see {@link #actualPort()})
   * @param registry the process-wide registry
   * @param readiness current readiness; may block briefly (it runs on a worker)
   * @param workloads the content of {@code /api/v1/workloads}
   * @param auth the access check of everything but {@code /healthz} and {@code /readyz}; empty for
   *     none
   */
  OpsHttpServer(
      String bindAddress,
      int port,
      PrometheusMeterRegistry registry,
      Supplier<ReadinessStatus> readiness,
      WorkloadStatusProvider workloads,
      Optional<OpsAuthHandler> auth) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("HTTP port must be 0..65535, got " + port);
    }
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    this.port = port;
    this.registry = Objects.requireNonNull(registry, "registry");
    this.readiness = Objects.requireNonNull(readiness, "readiness");
    this.workloads = Objects.requireNonNull(workloads, "workloads");
    this.auth = Objects.requireNonNull(auth, "auth");
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get("/healthz").handler(ctx -> text(ctx, 200, "ok\n"));
    router.get("/readyz").handler(this::readyz);
    auth.ifPresent(check -> router.route().handler(check));
    router.get("/metrics").handler(this::metrics);
    router.get("/api/v1/workloads").handler(ctx -> blockingJson(ctx, this::allWorkloads));
    router.get("/api/v1/workloads/:namespace/:name").handler(this::oneWorkload);
    router
        .route("/api/*")
        .handler(ctx -> json(ctx, 404, error("no such endpoint: " + ctx.normalizedPath())));
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(port, bindAddress)
        .onSuccess(
            s -> {
              server = s;
              if (auth.isPresent()) {
                LOG.info(
                    "ops HTTP server listening on {}:{}; /metrics and /api/v1 need a bearer token"
                        + " that Kubernetes accepts and allows",
                    bindAddress,
                    s.actualPort());
              } else {
                LOG.warn(
                    "ops HTTP server listening on {}:{} WITHOUT authentication (--ops-auth=none):"
                        + " anyone who reaches it can read every workload's queries, loads and"
                        + " decisions; {}",
                    bindAddress,
                    s.actualPort(),
                    isLoopback(bindAddress)
                        ? "it is reachable from this host only"
                        : "use --ops-auth=kubernetes, or --ops-bind-address=127.0.0.1 outside a"
                            + " cluster");
              }
            });
  }

  private static boolean isLoopback(String address) {
    return address.startsWith("127.") || address.equals("::1");
  }

  @Override
  public Future<?> stop() {
    HttpServer current = server;
    return current == null ? Future.succeededFuture() : current.close();
  }

  /** The port bound, once started. */
  public int actualPort() {
    HttpServer current = server;
    if (current == null) {
      throw new IllegalStateException("ops HTTP server is not started");
    }
    return current.actualPort();
  }

  private void readyz(RoutingContext ctx) {
    vertx
        .executeBlocking(readiness::get, false)
        .onSuccess(
            status -> {
              Map<String, Object> body = new LinkedHashMap<>();
              body.put("ready", status.isReady());
              body.put("failing", status.failing());
              json(ctx, status.isReady() ? 200 : 503, body);
            })
        .onFailure(
            e ->
                json(
                    ctx,
                    503,
                    Map.of("ready", false, "failing", List.of("readiness check failed: " + e))));
  }

  private void metrics(RoutingContext ctx) {
    String contentType = TextFormat.chooseContentType(ctx.request().getHeader(HttpHeaders.ACCEPT));
    vertx
        .executeBlocking(() -> registry.scrape(contentType), false)
        .onSuccess(
            body -> ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, contentType).end(body))
        .onFailure(e -> text(ctx, 500, "scraping metrics failed: " + e.getMessage() + "\n"));
  }

  private Object allWorkloads() {
    return Map.of("workloads", workloads.workloads());
  }

  private void oneWorkload(RoutingContext ctx) {
    String namespace = ctx.pathParam("namespace");
    String name = ctx.pathParam("name");
    vertx
        .executeBlocking(() -> workloads.workload(namespace, name), false)
        .onSuccess(
            found ->
                found.ifPresentOrElse(
                    status -> json(ctx, 200, status),
                    () ->
                        json(
                            ctx,
                            404,
                            error("no policy covers workload " + namespace + "/" + name))))
        .onFailure(e -> internalError(ctx, e));
  }

  private void blockingJson(RoutingContext ctx, Callable<Object> body) {
    vertx
        .executeBlocking(body, false)
        .onSuccess(b -> json(ctx, 200, b))
        .onFailure(e -> internalError(ctx, e));
  }

  private void internalError(RoutingContext ctx, Throwable e) {
    LOG.warn("{} failed: {}", ctx.normalizedPath(), e.toString());
    json(ctx, 500, error(ctx.normalizedPath() + " failed: " + e.getMessage()));
  }

  private void json(RoutingContext ctx, int status, Object body) {
    String encoded;
    try {
      encoded = mapper.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      internalError(ctx, e);
      return;
    }
    ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(encoded);
  }

  private static void text(RoutingContext ctx, int status, String body) {
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end(body);
  }

  private static Map<String, Object> error(String message) {
    return Map.of("error", message);
  }
}
