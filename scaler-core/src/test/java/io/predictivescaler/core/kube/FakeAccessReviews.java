package io.predictivescaler.core.kube;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.NonResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers TokenReviews and SubjectAccessReviews on a fabric8 mock API server, in CRUD mode too
 * (whose CRUD side would store a review instead of answering it): known tokens belong to users,
 * users may get the paths they were allowed, exactly or by a trailing {@code *} as in RBAC's
 * nonResourceURLs. Everything else is refused.
 */
public final class FakeAccessReviews {

  public static final String TOKEN_REVIEWS = "/apis/authentication.k8s.io/v1/tokenreviews";
  public static final String ACCESS_REVIEWS = "/apis/authorization.k8s.io/v1/subjectaccessreviews";

  private final Map<String, String> users = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> allowed = new ConcurrentHashMap<>();
  private final AtomicInteger tokenReviews = new AtomicInteger();
  private final AtomicInteger accessReviews = new AtomicInteger();

  public FakeAccessReviews(KubernetesMockServer server) {
    server.expect().post().withPath(TOKEN_REVIEWS).andReply(201, this::tokenReview).always();
    server.expect().post().withPath(ACCESS_REVIEWS).andReply(201, this::accessReview).always();
  }

  /** {@code token} belongs to {@code username}. */
  public FakeAccessReviews token(String token, String username) {
    users.put(token, username);
    return this;
  }

  /** {@code username} may get {@code path} ({@code /api/v1/*} covers what starts so). */
  public FakeAccessReviews allow(String username, String path) {
    allowed.computeIfAbsent(username, u -> ConcurrentHashMap.newKeySet()).add(path);
    return this;
  }

  public int tokenReviews() {
    return tokenReviews.get();
  }

  public int accessReviews() {
    return accessReviews.get();
  }

  private Object tokenReview(RecordedRequest request) {
    tokenReviews.incrementAndGet();
    TokenReview review = Serialization.unmarshal(request.getUtf8Body(), TokenReview.class);
    String username = users.get(review.getSpec().getToken());
    review.setStatus(
        username == null
            ? new TokenReviewStatusBuilder().withAuthenticated(false).build()
            : new TokenReviewStatusBuilder()
                .withAuthenticated(true)
                .withNewUser()
                .withUsername(username)
                .withGroups("system:authenticated")
                .endUser()
                .build());
    return Serialization.asJson(review);
  }

  private Object accessReview(RecordedRequest request) {
    accessReviews.incrementAndGet();
    SubjectAccessReview review =
        Serialization.unmarshal(request.getUtf8Body(), SubjectAccessReview.class);
    NonResourceAttributes asked = review.getSpec().getNonResourceAttributes();
    boolean allowedToGet =
        asked != null
            && "get".equals(asked.getVerb())
            && allowed.getOrDefault(review.getSpec().getUser(), Set.of()).stream()
                .anyMatch(path -> matches(path, asked.getPath()));
    review.setStatus(new SubjectAccessReviewStatusBuilder().withAllowed(allowedToGet).build());
    return Serialization.asJson(review);
  }

  private static boolean matches(String rule, String path) {
    return rule.endsWith("*")
        ? path.startsWith(rule.substring(0, rule.length() - 1))
        : rule.equals(path);
  }
}
