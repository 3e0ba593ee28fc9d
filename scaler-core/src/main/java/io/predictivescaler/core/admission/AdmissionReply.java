package io.predictivescaler.core.admission;

import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP answer of the webhook endpoint: 200 with an AdmissionReview, or 400 with {@code {"error":
 * ...}} when the body is not a request the webhook can read.
 *
 * @param status the HTTP status
 * @param json the body
 * @param outcome what the answer says, for the log and the metrics
 * @param summary for the log: the ConfigMap when allowed, the denial's message when denied, what is
 *     wrong with the body when malformed
 */
public record AdmissionReply(int status, String json, Outcome outcome, String summary) {

  /** What an answer says. */
  public enum Outcome {
    ALLOWED,
    DENIED,
    MALFORMED;

    /** The metric tag value: {@code allowed}, {@code denied} or {@code malformed}. */
    public String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public AdmissionReply {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(summary, "summary");
  }
}
