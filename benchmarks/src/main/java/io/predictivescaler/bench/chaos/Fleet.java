package io.predictivescaler.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The run's workloads: each a Deployment {@code shop/wNN} with a daily load curve, its bounds and
 * whether its metric is a {@code resource:} one (metrics-server, which the mock API server lacks).
 * Every fifth one is in {@code mode: hpa-floor}, with an HPA {@code shop/wNN} whose floor the SRE
 * set to its {@code min}.
 */
final class Fleet {

  static final String NAMESPACE = "shop";
  static final String POLICY_CONFIGMAP = "policies";

  record Workload(
      String name,
      int min,
      int max,
      double base,
      double amplitude,
      double phase,
      boolean resource,
      boolean hpaFloor) {}

  private final List<Workload> workloads = new ArrayList<>();

  Fleet(int count, Random random) {
    for (int i = 0; i < count; i++) {
      double base = 200 + random.nextInt(600);
      double amplitude = 0.3 + random.nextDouble() * 0.6;
      int peak = (int) Math.ceil(base * (1 + amplitude) / 100);
      int min = 1 + random.nextInt(3);
      // some workloads cannot reach their peak need: the clamp to maxReplicas is exercised
      int max = Math.max(min + 1, random.nextInt(4) == 0 ? peak - 3 : peak + random.nextInt(6));
      workloads.add(
          new Workload(
              String.format("w%02d", i),
              min,
              max,
              base,
              amplitude,
              random.nextDouble() * 2 * Math.PI,
              false,
              i % 5 == 4));
    }
  }

  List<Workload> all() {
    return workloads;
  }

  Workload get(String name) {
    return workloads.stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
  }

  /** Load of {@code name} at an epoch second: a daily curve with deterministic noise. */
  double load(String name, long epochSecond) {
    Workload w = workloads.stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
    if (w == null) {
      return Double.NaN;
    }
    double day = (epochSecond % 86_400) / 86_400.0;
    double noise = ((Long.hashCode(epochSecond / 60 * 31 + name.hashCode()) & 0xffff) / 65_536.0);
    return Math.max(
        0,
        w.base() * (1 + w.amplitude() * Math.sin(2 * Math.PI * day + w.phase()))
            + (noise - 0.5) * 0.1 * w.base());
  }

  /** The workloads in {@code mode: hpa-floor}. */
  List<Workload> hpaFloor() {
    return workloads.stream().filter(Workload::hpaFloor).toList();
  }

  /** One workload's entry under {@code workloads:}, in {@code mode: scale} or {@code hpa-floor}. */
  static String entry(
      Workload w,
      int min,
      int max,
      boolean resource,
      boolean hpaFloor,
      String namespaceOverride,
      Duration step) {
    StringBuilder yaml = new StringBuilder("  - target: {name: ").append(w.name());
    if (namespaceOverride != null) {
      yaml.append(", namespace: ").append(namespaceOverride);
    }
    yaml.append("}\n");
    if (resource) {
      yaml.append("    metric: {resource: cpu}\n    targetUtilization: 70\n");
    } else {
      yaml.append("    metric: {prometheus: 'sum(load{app=\"")
          .append(w.name())
          .append("\"})'}\n    targetPerReplica: 100\n");
    }
    yaml.append("    minReplicas: ").append(min).append('\n');
    yaml.append("    maxReplicas: ").append(max).append('\n');
    yaml.append("    mode: ").append(hpaFloor ? "hpa-floor" : "scale");
    yaml.append("\n    step: ").append(step.toSeconds()).append("s\n");
    yaml.append("    horizon: 10m\n    refit: 6h\n");
    yaml.append("    model: holt\n    leadTime: 2m\n");
    return yaml.toString();
  }
}
