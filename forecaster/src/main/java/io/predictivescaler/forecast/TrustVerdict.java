package io.predictivescaler.forecast;

import java.util.Objects;

/** Whether decisions may use a forecast, with a grep-able code and a sentence saying why. */
public record TrustVerdict(boolean trusted, TrustCode code, String reason) {

  public TrustVerdict {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(reason, "reason");
    if (trusted != (code == TrustCode.Trusted)) {
      throw new IllegalArgumentException("code: " + code + " contradicts trusted=" + trusted);
    }
  }

  public static TrustVerdict trusted(String reason) {
    return new TrustVerdict(true, TrustCode.Trusted, reason);
  }

  public static TrustVerdict untrusted(TrustCode code, String reason) {
    return new TrustVerdict(false, code, reason);
  }
}
