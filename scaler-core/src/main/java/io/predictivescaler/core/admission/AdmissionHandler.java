package io.predictivescaler.core.admission;

import java.util.Objects;

/**
 * The webhook endpoint without HTTP: the body of a POST in, the status and body of the answer out.
 * An AdmissionReview it can read gets 200 and the {@link PolicyAdmission}'s verdict, with the
 * request's uid; any other body gets 400 and {@code {"error": "..."}} naming what is wrong (the API
 * server then applies the webhook's {@code failurePolicy}).
 *
 * <pre>{@code
 * AdmissionHandler handler = new AdmissionHandler(new PolicyAdmission(options, watcher::current));
 * AdmissionReply reply = handler.handle(body);
 * response.setStatusCode(reply.status()).end(reply.json());
 * }</pre>
 */
public final class AdmissionHandler {

  private final PolicyAdmission admission;

  public AdmissionHandler(PolicyAdmission admission) {
    this.admission = Objects.requireNonNull(admission, "admission");
  }

  public AdmissionReply handle(byte[] body) {
    AdmissionRequest request;
    try {
      request = AdmissionReviewCodec.read(body);
    } catch (AdmissionReviewCodec.MalformedReview e) {
      String message = "not an admission.k8s.io/v1 AdmissionReview request: " + e.getMessage();
      return new AdmissionReply(
          400, AdmissionReviewCodec.error(message), AdmissionReply.Outcome.MALFORMED, message);
    }
    AdmissionVerdict verdict = admission.review(request);
    String json = AdmissionReviewCodec.write(request.uid(), verdict);
    return verdict.allowed()
        ? new AdmissionReply(
            200, json, AdmissionReply.Outcome.ALLOWED, request.configMap().toString())
        : new AdmissionReply(200, json, AdmissionReply.Outcome.DENIED, verdict.message());
  }
}
