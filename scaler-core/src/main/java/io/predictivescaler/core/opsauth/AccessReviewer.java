package io.predictivescaler.core.opsauth;

import java.util.Optional;

/**
 * Asks the cluster who a token belongs to and what that user may do. Both calls block on the
 * network and throw when the answer cannot be had (API unreachable, timeout, access to the review
 * APIs denied); the caller then answers neither yes nor no.
 */
public interface AccessReviewer {

  /** The token's user, or empty when the cluster does not accept the token. */
  Optional<ReviewedUser> authenticate(String token);

  /** Whether {@code user} may {@code verb} the non-resource URL {@code path}. */
  boolean allows(ReviewedUser user, String verb, String path);
}
