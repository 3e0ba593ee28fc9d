package io.predictivescaler.core.opsauth;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.opsauth.AccessVerdict.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The decision and its caches over an in-memory reviewer; the API side is
 * KubernetesAccessReviewerTest.
 */
class OpsAccessControlTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

  /** Accepts the token {@code good} as {@code alice}, who may get {@code /metrics} only. */
  private static final class RecordingReviewer implements AccessReviewer {
    final List<String> calls = new ArrayList<>();

    @Override
    public Optional<ReviewedUser> authenticate(String token) {
      calls.add("authenticate");
      return token.equals("good")
          ? Optional.of(new ReviewedUser("alice", "u-1", List.of("team"), Map.of()))
          : Optional.empty();
    }

    @Override
    public boolean allows(ReviewedUser user, String verb, String path) {
      calls.add("allows " + verb + " " + path);
      return Set.of("get /metrics").contains(verb + " " + path);
    }
  }

  private final RecordingReviewer reviewer = new RecordingReviewer();
  private final OpsAccessControl control = OpsAccessControl.withDefaults(reviewer);

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Bearer abc | abc",
        "bearer abc | abc",
        "BEARER   abc  | abc",
      })
  void readsTheTokenOfABearerHeader(String header, String token) {
    assertThat(OpsAccessControl.bearerToken(header)).hasValue(token);
  }

  @ParameterizedTest(name = "[{0}]")
  @NullSource
  @ValueSource(strings = {"", "Bearer", "Bearer ", "Basic YWxpY2U6c2VjcmV0", "Bearer a b", "abc"})
  void findsNoTokenInAnythingElse(String header) {
    assertThat(OpsAccessControl.bearerToken(header)).isEmpty();
  }

  @Test
  void withoutATokenNothingIsReviewed() {
    AccessVerdict verdict = control.check(null, "get", "/metrics", T0);

    assertThat(verdict.outcome()).isEqualTo(Outcome.UNAUTHENTICATED);
    assertThat(reviewer.calls).isEmpty();
  }

  @Test
  void aRefusedTokenIsNotAskedAboutAccess() {
    AccessVerdict verdict = control.check("Bearer bad", "get", "/metrics", T0);

    assertThat(verdict)
        .isEqualTo(new AccessVerdict(Outcome.UNAUTHENTICATED, "token not accepted by Kubernetes"));
    assertThat(reviewer.calls).containsExactly("authenticate");
  }

  @Test
  void theTokenIsReviewedOnceForSeveralPathsAndEachPathOnce() {
    control.check("Bearer good", "get", "/metrics", T0);
    control.check("Bearer good", "get", "/api/v1/workloads", T0.plusSeconds(1));
    AccessVerdict metrics = control.check("Bearer good", "get", "/metrics", T0.plusSeconds(2));
    AccessVerdict workloads =
        control.check("Bearer good", "get", "/api/v1/workloads", T0.plusSeconds(3));

    assertThat(metrics.outcome()).isEqualTo(Outcome.ALLOWED);
    assertThat(workloads)
        .isEqualTo(
            new AccessVerdict(Outcome.FORBIDDEN, "user \"alice\" may not get /api/v1/workloads"));
    assertThat(reviewer.calls)
        .containsExactly("authenticate", "allows get /metrics", "allows get /api/v1/workloads");
  }

  @Test
  void aNoIsForgottenSoonerThanAYes() {
    control.check("Bearer good", "get", "/metrics", T0);
    control.check("Bearer good", "get", "/api/v1/workloads", T0);
    reviewer.calls.clear();

    control.check("Bearer good", "get", "/metrics", T0.plus(Duration.ofSeconds(11)));
    control.check("Bearer good", "get", "/api/v1/workloads", T0.plus(Duration.ofSeconds(11)));

    assertThat(reviewer.calls).containsExactly("allows get /api/v1/workloads");
  }

  @Test
  void aFailingReviewAnswersUnavailableAndIsNotCached() {
    AccessReviewer failing =
        new AccessReviewer() {
          int calls;

          @Override
          public Optional<ReviewedUser> authenticate(String token) {
            if (calls++ == 0) {
              throw new IllegalStateException("TokenReview failed: connection refused");
            }
            return Optional.of(new ReviewedUser("alice", null, null, null));
          }

          @Override
          public boolean allows(ReviewedUser user, String verb, String path) {
            return true;
          }
        };
    OpsAccessControl control = OpsAccessControl.withDefaults(failing);

    AccessVerdict first = control.check("Bearer good", "get", "/metrics", T0);
    AccessVerdict second = control.check("Bearer good", "get", "/metrics", T0);

    assertThat(first.outcome()).isEqualTo(Outcome.UNAVAILABLE);
    assertThat(first.reason()).doesNotContain("good");
    assertThat(second.outcome()).isEqualTo(Outcome.ALLOWED);
  }
}
