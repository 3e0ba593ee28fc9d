package io.predictivescaler.core.service;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar predictive-scaler.jar [flags]}: prints the version for {@code --version} and the
 * flags for {@code --help}; otherwise reads and validates the service settings (exit 2 listing
 * every problem), starts {@link ScalerService} (exit 1 if it cannot start) and runs until SIGTERM,
 * which shuts it down gracefully.
 */
public final class Main {

  static final int EXIT_OK = 0;
  static final int EXIT_START_FAILED = 1;
  static final int EXIT_BAD_CONFIG = 2;

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    int code = run(args, System.getenv(), System.out, System.err);
    if (code != EXIT_OK) {
      System.exit(code);
    }
  }

  /** Everything but the exit, so that tests can call it. Blocks while the service runs. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err)
      throws InterruptedException {
    if (ServiceConfigParser.versionRequested(args)) {
      out.println("predictive-scaler " + BuildVersion.current());
      return EXIT_OK;
    }
    if (args.length > 0 && args[0].equals(RestoreHpaFloorsCommand.NAME)) {
      return RestoreHpaFloorsCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (args.length > 0 && args[0].equals(CheckPolicyCommand.NAME)) {
      return CheckPolicyCommand.run(Arrays.copyOfRange(args, 1, args.length), out, err);
    }
    if (ServiceConfigParser.helpRequested(args)) {
      out.print(ServiceConfigParser.usage());
      return EXIT_OK;
    }
    ServiceConfig config;
    try {
      config = ServiceConfigParser.parse(args, env);
    } catch (ServiceConfigException e) {
      err.println(e.getMessage());
      err.println("Run with --help for every flag and its environment variable.");
      return EXIT_BAD_CONFIG;
    }
    LoggingSetup.apply(config.logFormat(), config.logLevel());
    Logger log = LoggerFactory.getLogger(Main.class);
    ScalerService service;
    try {
      service = ScalerService.start(config, ServiceOverrides.none());
    } catch (RuntimeException e) {
      log.error("predictive-scaler could not start: {}", e.getMessage(), e);
      return EXIT_START_FAILED;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(service::close, "graceful-shutdown"));
    service.awaitStopped();
    return EXIT_OK;
  }
}
