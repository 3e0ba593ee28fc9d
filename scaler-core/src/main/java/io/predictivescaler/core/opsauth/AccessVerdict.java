package io.predictivescaler.core.opsauth;

import java.util.Objects;

/**
 * The answer to one request for a protected ops endpoint.
 *
 * @param outcome what to do with the request
 * @param reason one line for the caller, e.g. {@code no bearer token}; never holds the token
 */
public record AccessVerdict(Outcome outcome, String reason) {

  /** What to do with the request, and its HTTP status when it is refused. */
  public enum Outcome {
    ALLOWED(200),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    UNAVAILABLE(503);

    private final int httpStatus;

    Outcome(int httpStatus) {
      this.httpStatus = httpStatus;
    }

    public int httpStatus() {
      return httpStatus;
    }
  }

  public AccessVerdict {
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(reason, "reason");
  }

  public boolean isAllowed() {
    return outcome == Outcome.ALLOWED;
  }
}
