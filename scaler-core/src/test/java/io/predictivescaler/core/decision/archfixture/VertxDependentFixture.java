package io.predictivescaler.core.decision.archfixture;

import io.vertx.core.Vertx;

/**
 * Depends on Vert.x from inside a pure package, so that PurePackagesArchitectureTest can show its
 * rule fails. Test code only.
 */
public final class VertxDependentFixture {

  private VertxDependentFixture() {}

  public static boolean isRunning(Vertx vertx) {
    return vertx != null;
  }
}
