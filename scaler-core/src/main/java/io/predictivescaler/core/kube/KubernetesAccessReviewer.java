package io.predictivescaler.core.kube;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatus;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.predictivescaler.core.opsauth.AccessReviewer;
import io.predictivescaler.core.opsauth.ReviewedUser;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AccessReviewer} on the Kubernetes API: {@code authentication.k8s.io/v1} TokenReview and
 * {@code authorization.k8s.io/v1} SubjectAccessReview with non-resource attributes (needs {@code
 * create} on both, cluster-wide). Counts every review in {@code
 * predictive_scaler_ops_auth_reviews_total{api,result}}. The client's request timeout bounds each
 * call.
 */
public final class KubernetesAccessReviewer implements AccessReviewer {

  private static final String METER = "predictive.scaler.ops.auth.reviews";
  private static final String TOKEN_REVIEWS = "tokenreviews";
  private static final String ACCESS_REVIEWS = "subjectaccessreviews";

  private final KubernetesClient client;
  private final MeterRegistry registry;

  public KubernetesAccessReviewer(KubernetesClient client, MeterRegistry registry) {
    this.client = Objects.requireNonNull(client, "client");
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public Optional<ReviewedUser> authenticate(String token) {
    TokenReview review;
    try {
      review =
          client
              .authentication()
              .v1()
              .tokenReviews()
              .create(new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build());
    } catch (KubernetesClientException e) {
      count(TOKEN_REVIEWS, "error");
      throw new IllegalStateException("TokenReview failed: " + describe(e), e);
    }
    TokenReviewStatus status = review.getStatus();
    UserInfo user = status == null ? null : status.getUser();
    if (!Boolean.TRUE.equals(status == null ? null : status.getAuthenticated())
        || user == null
        || user.getUsername() == null) {
      count(TOKEN_REVIEWS, "unauthenticated");
      return Optional.empty();
    }
    count(TOKEN_REVIEWS, "authenticated");
    return Optional.of(
        new ReviewedUser(user.getUsername(), user.getUid(), user.getGroups(), user.getExtra()));
  }

  @Override
  public boolean allows(ReviewedUser user, String verb, String path) {
    SubjectAccessReview request =
        new SubjectAccessReviewBuilder()
            .withNewSpec()
            .withUser(user.username())
            .withUid(user.uid().isEmpty() ? null : user.uid())
            .withGroups(user.groups())
            .withExtra(user.extra())
            .withNewNonResourceAttributes()
            .withVerb(verb)
            .withPath(path)
            .endNonResourceAttributes()
            .endSpec()
            .build();
    SubjectAccessReview review;
    try {
      review = client.authorization().v1().subjectAccessReview().create(request);
    } catch (KubernetesClientException e) {
      count(ACCESS_REVIEWS, "error");
      throw new IllegalStateException("SubjectAccessReview failed: " + describe(e), e);
    }
    SubjectAccessReviewStatus status = review.getStatus();
    boolean allowed =
        status != null
            && Boolean.TRUE.equals(status.getAllowed())
            && !Boolean.TRUE.equals(status.getDenied());
    count(ACCESS_REVIEWS, allowed ? "allowed" : "denied");
    return allowed;
  }

  /** fabric8's message, with the root cause when it is not the same (e.g. connection refused). */
  private static String describe(KubernetesClientException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : e.getMessage() + " (" + root + ")";
  }

  private void count(String api, String result) {
    Counter.builder(METER)
        .description("TokenReviews and SubjectAccessReviews the ops API asked for, by result")
        .tag("api", api)
        .tag("result", result)
        .register(registry)
        .increment();
  }
}
