package io.predictivescaler.bench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code benchmarks.jar} entry point: {@code replay} and {@code forecast-eval}.
 *
 * <p>Exit codes: 0 success, 1 runtime error (one line on stderr; the stack trace too with {@code
 * --verbose}), 2 bad usage or option value.
 */
@Command(
    name = "benchmarks.jar",
    mixinStandardHelpOptions = true,
    version = "predictive-scaler benchmarks 0.1.0",
    description = "Replays traces against scaling strategies and evaluates forecasters.",
    subcommands = {
      ReplayCommand.class,
      io.predictivescaler.bench.eval.ForecastEvalCommand.class,
      io.predictivescaler.bench.scale.TickLoopScale.class,
      io.predictivescaler.bench.chaos.ChaosCommand.class
    })
public final class BenchCli implements Callable<Integer> {

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    quietControllerLogs();
    System.exit(configure(new CommandLine(new BenchCli())).execute(args));
  }

  /**
   * The controller logs at INFO for operators (a workload joined, a decision changed replicas); on
   * this tool's stdout, which carries the summary table, only its warnings belong.
   */
  static void quietControllerLogs() {
    if (LoggerFactory.getLogger("io.predictivescaler")
        instanceof ch.qos.logback.classic.Logger logback) {
      logback.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  /** Installs the error handling every command of this jar shares. */
  public static CommandLine configure(CommandLine commandLine) {
    return commandLine
        .setExecutionExceptionHandler(BenchCli::runtimeError)
        .setParameterExceptionHandler(BenchCli::usageError);
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return CommandLine.ExitCode.USAGE;
  }

  private static int runtimeError(Exception e, CommandLine command, ParseResult parseResult) {
    PrintWriter err = command.getErr();
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    err.println(command.getCommandName() + ": error: " + message);
    if (verbose(parseResult)) {
      e.printStackTrace(err);
    }
    err.flush();
    return CommandLine.ExitCode.SOFTWARE;
  }

  private static int usageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(command.getCommandName() + ": " + e.getMessage());
    err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return CommandLine.ExitCode.USAGE;
  }

  private static boolean verbose(ParseResult parseResult) {
    for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--verbose")) {
        return true;
      }
    }
    return false;
  }
}
