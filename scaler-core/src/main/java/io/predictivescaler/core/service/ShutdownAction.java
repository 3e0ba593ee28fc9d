package io.predictivescaler.core.service;

/** The body of one {@link GracefulShutdown} step; may throw anything. */
@FunctionalInterface
public interface ShutdownAction {
  void run() throws Exception;
}
