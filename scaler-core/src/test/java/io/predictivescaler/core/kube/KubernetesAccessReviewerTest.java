package io.predictivescaler.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.predictivescaler.core.opsauth.AccessVerdict;
import io.predictivescaler.core.opsauth.AccessVerdict.Outcome;
import io.predictivescaler.core.opsauth.OpsAccessControl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ops API's access check against the mock API server in expectation mode: each test says what
 * the TokenReview and SubjectAccessReview answer, and counts the reviews asked for.
 */
@EnableKubernetesMockClient(
    https = false,
    kubernetesClientBuilderCustomizer = NoBuiltInRetries.class)
class KubernetesAccessReviewerTest {

  private static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";
  private static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";
  private static final String PROMETHEUS = "system:serviceaccount:monitoring:prometheus";
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.prometheus-token";
  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  KubernetesClient client;
  KubernetesMockServer server;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private OpsAccessControl control;

  @BeforeEach
  void buildTheCheck() {
    control = OpsAccessControl.withDefaults(new KubernetesAccessReviewer(client, registry));
  }

  @Test
  void noTokenIsUnauthenticatedWithoutAnyReview() {
    AccessVerdict verdict = control.check(null, "get", "/metrics", T0);

    assertThat(verdict.outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
    assertThat(verdict.outcome().httpStatus()).isEqualTo(401);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aTokenTheClusterDoesNotAcceptIsUnauthenticated() throws Exception {
    server.expect().post().withPath(TOKEN_REVIEWS).andReturn(201, tokenReview(false)).once();

    AccessVerdict verdict = control.check("Bearer " + TOKEN, "get", "/metrics", T0);

    assertThat(verdict.outcome().httpStatus()).isEqualTo(401);
    assertThat(verdict.reason()).doesNotContain(TOKEN);
    TokenReview sent = body(server.takeRequest(1, TimeUnit.SECONDS), TokenReview.class);
    assertThat(sent.getSpec().getToken()).isEqualTo(TOKEN);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aUserWithoutTheRightToThePathIsForbidden() {
    server.expect().post().withPath(TOKEN_REVIEWS).andReturn(201, tokenReview(true)).once();
    server.expect().post().withPath(ACCESS_REVIEWS).andReturn(201, accessReview(false)).once();

    AccessVerdict verdict = control.check("Bearer " + TOKEN, "get", "/api/v1/workloads", T0);

    assertThat(verdict)
        .isEqualTo(
            new AccessVerdict(
                Outcome.FORBIDDEN, "user \"" + PROMETHEUS + "\" may not get /api/v1/workloads"));
    assertThat(verdict.outcome().httpStatus()).isEqualTo(403);
  }

  @Test
  void anAllowedUserPassesAndTheReviewAsksForTheUserThePathAndTheVerb() throws Exception {
    server.expect().post().withPath(TOKEN_REVIEWS).andReturn(201, tokenReview(true)).once();
    server.expect().post().withPath(ACCESS_REVIEWS).andReturn(201, accessReview(true)).once();

    AccessVerdict verdict = control.check("Bearer " + TOKEN, "get", "/metrics", T0);

    assertThat(verdict.isAllowed()).isTrue();
    assertThat(verdict.outcome().httpStatus()).isEqualTo(200);
    server.takeRequest(1, TimeUnit.SECONDS);
    SubjectAccessReview asked =
        body(server.takeRequest(1, TimeUnit.SECONDS), SubjectAccessReview.class);
    assertThat(asked.getSpec().getUser()).isEqualTo(PROMETHEUS);
    assertThat(asked.getSpec().getUid()).isEqualTo("uid-1");
    assertThat(asked.getSpec().getGroups())
        .containsExactly("system:serviceaccounts", "system:authenticated");
    assertThat(asked.getSpec().getExtra())
        .containsEntry("authentication.kubernetes.io/pod-name", List.of("prometheus-0"));
    assertThat(asked.getSpec().getNonResourceAttributes().getPath()).isEqualTo("/metrics");
    assertThat(asked.getSpec().getNonResourceAttributes().getVerb()).isEqualTo("get");
    assertThat(asked.getSpec().getResourceAttributes()).isNull();
  }

  @Test
  void aCachedAnswerAsksForNoSecondReview() {
    server.expect().post().withPath(TOKEN_REVIEWS).andReturn(201, tokenReview(true)).once();
    server.expect().post().withPath(ACCESS_REVIEWS).andReturn(201, accessReview(true)).once();

    AccessVerdict first = control.check("Bearer " + TOKEN, "get", "/metrics", T0);
    AccessVerdict second = control.check("Bearer " + TOKEN, "get", "/metrics", T0.plusSeconds(29));

    assertThat(first.isAllowed()).isTrue();
    assertThat(second.isAllowed()).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(reviews("tokenreviews", "authenticated")).isEqualTo(1.0);
    assertThat(reviews("subjectaccessreviews", "allowed")).isEqualTo(1.0);
  }

  @Test
  void anExpiredAnswerIsReviewedAgainAndANewNoReplacesAnOldYes() {
    server.expect().post().withPath(TOKEN_REVIEWS).andReturn(201, tokenReview(true)).times(2);
    server.expect().post().withPath(ACCESS_REVIEWS).andReturn(201, accessReview(true)).once();
    server.expect().post().withPath(ACCESS_REVIEWS).andReturn(201, accessReview(false)).once();

    AccessVerdict before = control.check("Bearer " + TOKEN, "get", "/metrics", T0);
    AccessVerdict after =
        control.check(
            "Bearer " + TOKEN, "get", "/metrics", T0.plus(OpsAccessControl.DEFAULT_ALLOWED_TTL));

    assertThat(before.isAllowed()).isTrue();
    assertThat(after.outcome()).isEqualTo(Outcome.FORBIDDEN);
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void aRefusedTokenIsRememberedForTheShorterTimeToLive() {
    server.expect().post().withPath(TOKEN_REVIEWS).andReturn(201, tokenReview(false)).times(2);

    control.check("Bearer " + TOKEN, "get", "/metrics", T0);
    control.check("Bearer " + TOKEN, "get", "/metrics", T0.plusSeconds(9));
    int withinTheTimeToLive = server.getRequestCount();
    control.check("Bearer " + TOKEN, "get", "/metrics", T0.plus(Duration.ofSeconds(10)));

    assertThat(withinTheTimeToLive).isEqualTo(1);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anApiErrorIsUnavailableCountedAndNotCached() {
    server.expect().post().withPath(TOKEN_REVIEWS).andReturn(500, "etcd unavailable").once();
    server.expect().post().withPath(TOKEN_REVIEWS).andReturn(201, tokenReview(true)).once();
    server.expect().post().withPath(ACCESS_REVIEWS).andReturn(201, accessReview(true)).once();

    AccessVerdict failed = control.check("Bearer " + TOKEN, "get", "/metrics", T0);
    AccessVerdict retried = control.check("Bearer " + TOKEN, "get", "/metrics", T0);

    assertThat(failed.outcome().httpStatus()).isEqualTo(503);
    assertThat(failed.reason()).doesNotContain(TOKEN);
    assertThat(reviews("tokenreviews", "error")).isEqualTo(1.0);
    assertThat(retried.isAllowed()).isTrue();
  }

  @Test
  void aForbiddenReviewApiIsUnavailableNotForbidden() {
    server.expect().post().withPath(TOKEN_REVIEWS).andReturn(201, tokenReview(true)).once();
    server
        .expect()
        .post()
        .withPath(ACCESS_REVIEWS)
        .andReturn(403, "subjectaccessreviews.authorization.k8s.io is forbidden")
        .once();

    AccessVerdict verdict = control.check("Bearer " + TOKEN, "get", "/metrics", T0);

    assertThat(verdict.outcome()).isEqualTo(Outcome.UNAVAILABLE);
    assertThat(reviews("subjectaccessreviews", "error")).isEqualTo(1.0);
  }

  private double reviews(String api, String result) {
    var counter =
        registry
            .find("predictive.scaler.ops.auth.reviews")
            .tag("api", api)
            .tag("result", result)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static TokenReview tokenReview(boolean authenticated) {
    TokenReviewBuilder review = new TokenReviewBuilder().withNewSpec().endSpec();
    if (!authenticated) {
      return review
          .withNewStatus()
          .withAuthenticated(false)
          .withError("invalid bearer token")
          .endStatus()
          .build();
    }
    return review
        .withNewStatus()
        .withAuthenticated(true)
        .withNewUser()
        .withUsername(PROMETHEUS)
        .withUid("uid-1")
        .withGroups("system:serviceaccounts", "system:authenticated")
        .withExtra(Map.of("authentication.kubernetes.io/pod-name", List.of("prometheus-0")))
        .endUser()
        .endStatus()
        .build();
  }

  private static SubjectAccessReview accessReview(boolean allowed) {
    return new SubjectAccessReviewBuilder()
        .withNewSpec()
        .endSpec()
        .withNewStatus()
        .withAllowed(allowed)
        .withReason(allowed ? "RBAC: allowed by ClusterRoleBinding" : "")
        .endStatus()
        .build();
  }

  private static <T> T body(RecordedRequest request, Class<T> type) {
    assertThat(request).as("a recorded request").isNotNull();
    return Serialization.unmarshal(request.getUtf8Body(), type);
  }
}
