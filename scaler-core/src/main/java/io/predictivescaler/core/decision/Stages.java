package io.predictivescaler.core.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One decision's stages as they run: their trace, and the reason and message of the last stage that
 * set the count (horizontal.go keeps the last {@code reason, message} the same way).
 */
final class Stages {

  private final List<StageTrace> trace = new ArrayList<>(9);
  private ReasonCode reason;
  private String message;

  void add(StageResult result) {
    trace.add(result.trace());
    if (result.setsReason()) {
      reason = result.reason();
      message = result.message();
    }
  }

  Decision decision(int replicas, int current, Instant at, DecisionState next) {
    if (reason == null) {
      throw new IllegalStateException("no stage set a reason; trace " + trace);
    }
    return new Decision(replicas, current, reason, message, trace, at, next);
  }
}
