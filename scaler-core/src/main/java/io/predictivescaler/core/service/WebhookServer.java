package io.predictivescaler.core.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.predictivescaler.core.admission.AdmissionHandler;
import io.predictivescaler.core.admission.AdmissionReply;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.ServerSSLOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validating admission webhook's HTTPS listener, apart from the ops server: {@code POST}
 * {@value #PATH} with an AdmissionReview, answered by {@link AdmissionHandler} on a worker (the
 * policy parser is not event-loop work). The certificate and key are read from {@link
 * WebhookSettings#certDir()} at start, which fails when they cannot be used, and every reload
 * period after: a changed pair (a renewed Secret, which the kubelet swaps in whole) is served from
 * then on; a pair that cannot be used is logged once and the previous one kept.
 *
 * <p>Counts {@code predictive_scaler_webhook_reviews_total{result=allowed|denied|malformed}}.
 */
public final class WebhookServer extends VerticleBase {

  public static final String PATH = "/validate-policy";
  public static final String REVIEWS_METER = "predictive.scaler.webhook.reviews";
  static final Duration RELOAD_PERIOD = Duration.ofSeconds(10);

  /** Twice the largest ConfigMap (1 MiB), as an UPDATE carries the old object too, and some. */
  static final long MAX_BODY_BYTES = 3L * 1024 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);
  private static final String JSON = "application/json";

  /** The PEM files as last read. */
  private record TlsFiles(Buffer cert, Buffer key) {}

  private final String bindAddress;
  private final WebhookSettings settings;
  private final AdmissionHandler handler;
  private final Duration reloadPeriod;
  private final Map<AdmissionReply.Outcome, Counter> reviews =
      new EnumMap<>(AdmissionReply.Outcome.class);
  private volatile HttpServer server;
  private TlsFiles served;
  private String lastReloadProblem;
  private long reloadTimer = -1;

  /**
   * @param bindAddress the IP address to listen on
   * @param settings port and certificate directory
   * @param handler answers the reviews
   * @param registry counts the reviews by outcome
   * @param reloadPeriod how often the certificate files are read for a change
   */
  WebhookServer(
      String bindAddress,
      WebhookSettings settings,
      AdmissionHandler handler,
      MeterRegistry registry,
      Duration reloadPeriod) {
    this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.handler = Objects.requireNonNull(handler, "handler");
    if (reloadPeriod.isNegative() || reloadPeriod.isZero()) {
      throw new IllegalArgumentException("reload period must be positive, got " + reloadPeriod);
    }
    this.reloadPeriod = reloadPeriod;
    for (AdmissionReply.Outcome outcome : AdmissionReply.Outcome.values()) {
      reviews.put(
          outcome,
          Counter.builder(REVIEWS_METER)
              .description("AdmissionReviews of policy ConfigMaps answered, by result")
              .tag("result", outcome.tag())
              .register(registry));
    }
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router
        .post(PATH)
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(this::review);
    router.route(PATH).handler(ctx -> error(ctx, 405, "POST an AdmissionReview to " + PATH));
    router.route().handler(ctx -> error(ctx, 404, "no such endpoint: " + ctx.normalizedPath()));
    return read()
        .compose(
            files ->
                vertx
                    .createHttpServer(
                        new HttpServerOptions().setSsl(true).setKeyCertOptions(pem(files)))
                    .requestHandler(router)
                    .listen(settings.port(), bindAddress)
                    .onSuccess(s -> served = files))
        .onSuccess(
            s -> {
              server = s;
              reloadTimer = vertx.setPeriodic(reloadPeriod.toMillis(), id -> reloadIfChanged());
              LOG.info(
                  "admission webhook listening on https://{}:{}{}, certificate from {}",
                  bindAddress,
                  s.actualPort(),
                  PATH,
                  settings.certDir());
            })
        .recover(
            e ->
                Future.failedFuture(
                    new IllegalStateException(
                        "admission webhook on port "
                            + settings.port()
                            + " with the certificate in "
                            + settings.certDir()
                            + ": "
                            + e.getMessage(),
                        e)));
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(reloadTimer);
    HttpServer current = server;
    return current == null ? Future.succeededFuture() : current.close();
  }

  /** The port bound, once started. */
  public int actualPort() {
    HttpServer current = server;
    if (current == null) {
      throw new IllegalStateException("admission webhook is not started");
    }
    return current.actualPort();
  }

  private void review(RoutingContext ctx) {
    Buffer body = ctx.body().buffer();
    byte[] bytes = body == null ? new byte[0] : body.getBytes();
    vertx
        .executeBlocking(() -> handler.handle(bytes), false)
        .onSuccess(
            reply -> {
              reviews.get(reply.outcome()).increment();
              log(reply);
              ctx.response()
                  .setStatusCode(reply.status())
                  .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                  .end(reply.json());
            })
        .onFailure(
            e -> {
              LOG.warn("admission review failed: {}", e.toString());
              error(ctx, 500, "admission review failed: " + e.getMessage());
            });
  }

  private static void log(AdmissionReply reply) {
    switch (reply.outcome()) {
      case DENIED ->
          LOG.info("policy denied at admission errors=\"{}\"", reply.summary().replace("\n", "; "));
      case MALFORMED -> LOG.warn("admission request rejected: {}", reply.summary());
      case ALLOWED -> LOG.debug("policy allowed at admission {}", reply.summary());
    }
  }

  private Future<TlsFiles> read() {
    Future<Buffer> cert = vertx.fileSystem().readFile(settings.certFile().toString());
    Future<Buffer> key = vertx.fileSystem().readFile(settings.keyFile().toString());
    return Future.all(cert, key).map(all -> new TlsFiles(cert.result(), key.result()));
  }

  private void reloadIfChanged() {
    read()
        .compose(
            files -> {
              if (files.equals(served)) {
                return Future.succeededFuture(false);
              }
              return server
                  .updateSSLOptions(new ServerSSLOptions().setKeyCertOptions(pem(files)))
                  .onSuccess(updated -> served = files);
            })
        .onSuccess(
            updated -> {
              lastReloadProblem = null;
              if (updated) {
                LOG.info("admission webhook certificate reloaded from {}", settings.certDir());
              }
            })
        .onFailure(
            e -> {
              String problem = e.getMessage();
              if (!Objects.equals(problem, lastReloadProblem)) {
                LOG.warn(
                    "admission webhook certificate in {} cannot be used, the previous one is still"
                        + " served: {}",
                    settings.certDir(),
                    problem);
              }
              lastReloadProblem = problem;
            });
  }

  private static PemKeyCertOptions pem(TlsFiles files) {
    return new PemKeyCertOptions().setCertValue(files.cert()).setKeyValue(files.key());
  }

  private static void error(RoutingContext ctx, int status, String message) {
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .end(new JsonObject().put("error", message).encode());
  }
}
