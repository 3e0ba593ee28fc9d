package io.predictivescaler.core.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.predictivescaler.core.opsauth.AccessVerdict;
import io.predictivescaler.core.opsauth.AccessVerdict.Outcome;
import io.predictivescaler.core.opsauth.OpsAccessControl;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets a request through to the protected ops endpoints only when {@link OpsAccessControl} allows
 * it; otherwise answers 401, 403 or 503 with a one-line plain-text reason. The check (which may
 * call the Kubernetes API) runs on a worker; the request gets 503 when it takes longer than the
 * timeout. The RBAC verb follows the HTTP method as in kube-rbac-proxy ({@code GET} and {@code
 * HEAD}: {@code get}), the path is the normalised request path (the one the router serves). Counts
 * every answer in {@code predictive_scaler_ops_auth_requests_total{result}}.
 */
final class OpsAuthHandler implements Handler<RoutingContext> {

  /** Longest wait for a verdict, reviews included. */
  static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(OpsAuthHandler.class);

  private final OpsAccessControl control;
  private final Clock clock;
  private final Duration timeout;
  private final Map<Outcome, Counter> answers = new EnumMap<>(Outcome.class);

  /**
   * @param control decides each request; may block
   * @param clock the time for its caches
   * @param timeout longest wait for a verdict before answering 503
   * @param registry where the answers are counted
   */
  OpsAuthHandler(OpsAccessControl control, Clock clock, Duration timeout, MeterRegistry registry) {
    this.control = Objects.requireNonNull(control, "control");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    this.timeout = timeout;
    for (Outcome outcome : Outcome.values()) {
      answers.put(
          outcome,
          Counter.builder("predictive.scaler.ops.auth.requests")
              .description("Requests for /metrics and /api/v1 by the access check's answer")
              .tag("result", outcome.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    String verb = verb(ctx.request().method());
    String path = ctx.normalizedPath();
    Vertx vertx = ctx.vertx();
    AtomicBoolean answered = new AtomicBoolean();
    long timer =
        vertx.setTimer(
            timeout.toMillis(),
            id -> {
              if (answered.compareAndSet(false, true)) {
                LOG.warn("checking access to {} took longer than {}; answered 503", path, timeout);
                answer(
                    ctx,
                    new AccessVerdict(Outcome.UNAVAILABLE, "checking access timed out, try again"));
              }
            });
    vertx
        .executeBlocking(() -> control.check(authorization, verb, path, clock.instant()), false)
        .onComplete(
            result -> {
              if (!answered.compareAndSet(false, true)) {
                return;
              }
              vertx.cancelTimer(timer);
              if (result.failed()) {
                LOG.warn("checking access to {} failed: {}", path, result.cause().toString());
              }
              answer(
                  ctx,
                  result.succeeded()
                      ? result.result()
                      : new AccessVerdict(Outcome.UNAVAILABLE, "checking access failed"));
            });
  }

  private void answer(RoutingContext ctx, AccessVerdict verdict) {
    answers.get(verdict.outcome()).increment();
    if (verdict.isAllowed()) {
      ctx.next();
      return;
    }
    int status = verdict.outcome().httpStatus();
    if (verdict.outcome() == Outcome.UNAUTHENTICATED) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
        .end(reasonPhrase(verdict.outcome()) + ": " + verdict.reason() + "\n");
  }

  private static String reasonPhrase(Outcome outcome) {
    return switch (outcome) {
      case ALLOWED -> "OK";
      case UNAUTHENTICATED -> "Unauthorized";
      case FORBIDDEN -> "Forbidden";
      case UNAVAILABLE -> "Service Unavailable";
    };
  }

  /** kube-rbac-proxy's mapping of HTTP methods to RBAC verbs. */
  static String verb(HttpMethod method) {
    if (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD)) {
      return "get";
    }
    if (method.equals(HttpMethod.POST)) {
      return "create";
    }
    if (method.equals(HttpMethod.PUT)) {
      return "update";
    }
    return method.name().toLowerCase(Locale.ROOT);
  }
}
