package io.predictivescaler.bench.cli;

import io.predictivescaler.bench.trace.Trace;
import io.predictivescaler.bench.trace.TraceFlaws;
import io.predictivescaler.bench.trace.TraceLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --strict-trace}, for every command that loads a trace file: mix it in. */
public final class StrictTraceOption {

  @Option(
      names = "--strict-trace",
      description =
          "Reject a trace with rows out of order, duplicate timestamps or rows off its interval's"
              + " grid, naming the file and line. Without it such rows are sorted, merged by mean"
              + " and moved to the nearest grid point, with one warning and the counts in the"
              + " report.")
  boolean strict;

  /** Loads {@code file}, and prints one warning line on {@code err} when it was repaired. */
  public Trace load(Path file, PrintWriter err) {
    return warnIfRepaired(TraceLoader.load(file, flaws()), err);
  }

  /** Loads a trace bundled on the classpath, as {@link #load(Path, PrintWriter)} does. */
  public Trace loadResource(String resource, PrintWriter err) {
    return warnIfRepaired(TraceLoader.loadResource(resource, flaws()), err);
  }

  private TraceFlaws flaws() {
    return strict ? TraceFlaws.REJECT : TraceFlaws.REPAIR;
  }

  private static Trace warnIfRepaired(Trace trace, PrintWriter err) {
    if (trace.repairs().any()) {
      err.println(
          "warning: trace "
              + trace.name()
              + ": "
              + trace.repairs().summary(trace.sourceInterval())
              + "; pass --strict-trace to reject such traces");
      err.flush();
    }
    return trace;
  }
}
