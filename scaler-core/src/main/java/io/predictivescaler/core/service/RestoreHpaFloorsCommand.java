package io.predictivescaler.core.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.predictivescaler.core.actuate.ApiRetry;
import io.predictivescaler.core.actuate.HpaFloorActuator;
import io.predictivescaler.core.actuate.HpaFloorRestorer;
import io.predictivescaler.core.actuate.ScalerAnnotations;
import io.predictivescaler.core.actuate.WriteFence;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code java -jar predictive-scaler.jar restore-hpa-floors (--namespace NS)... |
 * --all-namespaces}: writes back the original {@code minReplicas} of every HPA carrying {@value
 * ScalerAnnotations#ORIGINAL_MIN_REPLICAS} and removes the annotation, whatever the policies say.
 * For uninstall (the chart's delete hook) and for SREs taking the scaler out by hand; run it once
 * no scaler replica runs, or the leader raises the floors of workloads still under policy again.
 * Exit 0 when every raised floor is restored, 1 when some could not be, 2 on bad arguments.
 */
final class RestoreHpaFloorsCommand {

  static final String NAME = "restore-hpa-floors";
  static final int EXIT_OK = 0;
  static final int EXIT_INCOMPLETE = 1;
  static final int EXIT_USAGE = 2;

  private static final String USAGE =
      "usage: "
          + NAME
          + " (--namespace NS)... | --all-namespaces\n"
          + "  Restores the original minReplicas of every HorizontalPodAutoscaler whose floor\n"
          + "  predictive-scaler raised (annotation "
          + ScalerAnnotations.ORIGINAL_MIN_REPLICAS
          + ").\n"
          + "  --namespace NS     a namespace to restore in; repeat for several\n"
          + "  --all-namespaces   every namespace\n";

  private RestoreHpaFloorsCommand() {}

  /** With fabric8's auto-configured client (in-cluster service account, else kubeconfig). */
  static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, () -> new KubernetesClientBuilder().build(), out, err);
  }

  static int run(
      String[] args, Supplier<KubernetesClient> clients, PrintStream out, PrintStream err) {
    List<String> namespaces = new ArrayList<>();
    boolean all = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.print(USAGE);
        return EXIT_OK;
      } else if (arg.equals("--all-namespaces")) {
        all = true;
      } else if (arg.startsWith("--namespace=")) {
        namespaces.add(arg.substring("--namespace=".length()));
      } else if (arg.equals("--namespace") && i + 1 < args.length) {
        namespaces.add(args[++i]);
      } else {
        err.println(NAME + ": unknown or incomplete argument '" + arg + "'");
        err.print(USAGE);
        return EXIT_USAGE;
      }
    }
    if (all == !namespaces.isEmpty() || namespaces.stream().anyMatch(String::isBlank)) {
      err.println(
          NAME + ": give either --namespace NS (one or more, not blank) or --all-namespaces");
      err.print(USAGE);
      return EXIT_USAGE;
    }
    try (KubernetesClient base = clients.get()) {
      KubernetesClient writes = ScalerClients.forActuation(base);
      HpaFloorRestorer restorer =
          new HpaFloorRestorer(
              ScalerClients.withoutRetries(base),
              new HpaFloorActuator(writes, ApiRetry.defaults(), WriteFence.OPEN));
      HpaFloorRestorer.Report report = restorer.restore(namespaces, target -> false);
      report.restored().forEach(hpa -> out.println("restored the floor of " + hpa));
      report.failed().forEach(failure -> err.println("could not restore " + failure));
      out.println(
          report.restored().size()
              + " HPA floor(s) restored, "
              + report.failed().size()
              + " failed in "
              + (all ? "all namespaces" : String.join(", ", namespaces)));
      return report.failed().isEmpty() ? EXIT_OK : EXIT_INCOMPLETE;
    } catch (KubernetesClientException e) {
      err.println(NAME + ": listing HorizontalPodAutoscalers: " + ApiRetry.describe(e));
      return EXIT_INCOMPLETE;
    }
  }
}
