package io.predictivescaler.core.opsauth;

import io.predictivescaler.core.opsauth.AccessVerdict.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may read the protected ops endpoints, the way kube-rbac-proxy decides it: the request's
 * bearer token is authenticated by a TokenReview, then the user's right to the non-resource URL is
 * asked with a SubjectAccessReview. Both answers are cached, yes for longer than no, so that a
 * Prometheus scraping every few seconds costs one pair of reviews per time to live; a failed review
 * is never cached. Tokens are kept only as their SHA-256 and never logged.
 */
public final class OpsAccessControl {

  /** How long a yes (token accepted, access allowed) is reused. */
  public static final Duration DEFAULT_ALLOWED_TTL = Duration.ofSeconds(30);

  /** How long a no (token refused, access denied) is reused. */
  public static final Duration DEFAULT_DENIED_TTL = Duration.ofSeconds(10);

  /** Entries per cache (tokens; users and paths). */
  public static final int DEFAULT_MAX_ENTRIES = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(OpsAccessControl.class);
  private static final String BEARER = "bearer";

  private record Grant(ReviewedUser user, String verb, String path) {}

  private final AccessReviewer reviewer;
  private final Duration allowedTtl;
  private final Duration deniedTtl;
  private final ExpiringCache<String, Optional<ReviewedUser>> users;
  private final ExpiringCache<Grant, Boolean> grants;

  public OpsAccessControl(
      AccessReviewer reviewer, Duration allowedTtl, Duration deniedTtl, int maxEntries) {
    this.reviewer = Objects.requireNonNull(reviewer, "reviewer");
    this.allowedTtl = positive(allowedTtl, "allowedTtl");
    this.deniedTtl = positive(deniedTtl, "deniedTtl");
    this.users = new ExpiringCache<>(maxEntries);
    this.grants = new ExpiringCache<>(maxEntries);
  }

  /** With the default times to live (30 s for a yes, 10 s for a no) and cache size. */
  public static OpsAccessControl withDefaults(AccessReviewer reviewer) {
    return new OpsAccessControl(
        reviewer, DEFAULT_ALLOWED_TTL, DEFAULT_DENIED_TTL, DEFAULT_MAX_ENTRIES);
  }

  /**
   * Decides one request. Blocks while a review runs.
   *
   * @param authorization the request's {@code Authorization} header; null when absent
   * @param verb the RBAC verb, e.g. {@code get}
   * @param path the request path, e.g. {@code /metrics}
   * @param now the time, for the caches
   */
  public AccessVerdict check(String authorization, String verb, String path, Instant now) {
    Optional<String> token = bearerToken(authorization);
    if (token.isEmpty()) {
      return new AccessVerdict(
          Outcome.UNAUTHENTICATED, "missing bearer token (Authorization: Bearer <token>)");
    }
    try {
      Optional<ReviewedUser> user = user(token.get(), now);
      if (user.isEmpty()) {
        return new AccessVerdict(Outcome.UNAUTHENTICATED, "token not accepted by Kubernetes");
      }
      String name = user.get().username();
      if (!allows(new Grant(user.get(), verb, path), now)) {
        return new AccessVerdict(
            Outcome.FORBIDDEN, "user \"" + name + "\" may not " + verb + " " + path);
      }
      return new AccessVerdict(Outcome.ALLOWED, "user \"" + name + "\" may " + verb + " " + path);
    } catch (RuntimeException e) {
      LOG.warn("checking access to {} with the Kubernetes API failed: {}", path, e.toString());
      return new AccessVerdict(
          Outcome.UNAVAILABLE, "cannot check access with the Kubernetes API, try again");
    }
  }

  private Optional<ReviewedUser> user(String token, Instant now) {
    String key = sha256(token);
    Optional<Optional<ReviewedUser>> cached = users.get(key, now);
    if (cached.isPresent()) {
      return cached.get();
    }
    Optional<ReviewedUser> user = reviewer.authenticate(token);
    users.put(key, user, user.isPresent() ? allowedTtl : deniedTtl, now);
    return user;
  }

  private boolean allows(Grant grant, Instant now) {
    Optional<Boolean> cached = grants.get(grant, now);
    if (cached.isPresent()) {
      return cached.get();
    }
    boolean allowed = reviewer.allows(grant.user(), grant.verb(), grant.path());
    grants.put(grant, allowed, allowed ? allowedTtl : deniedTtl, now);
    return allowed;
  }

  /** The token of {@code Authorization: Bearer <token>} (scheme in any case); else empty. */
  static Optional<String> bearerToken(String authorization) {
    if (authorization == null) {
      return Optional.empty();
    }
    String value = authorization.strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return Optional.empty();
    }
    String token = value.substring(space + 1).strip();
    return token.isEmpty() || token.chars().anyMatch(Character::isWhitespace)
        ? Optional.empty()
        : Optional.of(token);
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static Duration positive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }
}
