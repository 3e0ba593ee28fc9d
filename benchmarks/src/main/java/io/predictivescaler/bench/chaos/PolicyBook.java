package io.predictivescaler.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * The run's policy ConfigMap as it should be in force: each workload's bounds and metric, and the
 * bounds that were in force recently (a scaler sees a change only after its watch delivers it). An
 * hpa-floor workload keeps the bounds of its HPA (its floor and maximum never churn), and may be
 * taken out of the ConfigMap for a while ({@link #removeFloorPolicy}).
 */
final class PolicyBook {

  /** How long a replaced version still counts as possibly in force. */
  static final Duration RECENT = Duration.ofSeconds(10);

  private record Version(int min, int max, boolean resource, long sinceNanos) {}

  private final Fleet fleet;
  private final Duration step;
  private final Map<String, List<Version>> versions = new HashMap<>();
  private final Set<String> removed = new TreeSet<>();

  PolicyBook(Fleet fleet, Duration step) {
    this.fleet = fleet;
    this.step = step;
    long now = System.nanoTime();
    for (Fleet.Workload w : fleet.all()) {
      versions.put(w.name(), new ArrayList<>(List.of(new Version(w.min(), w.max(), false, now))));
    }
  }

  synchronized String render() {
    StringBuilder yaml = new StringBuilder("workloads:\n");
    for (Fleet.Workload w : fleet.all()) {
      if (removed.contains(w.name())) {
        continue;
      }
      Version v = current(w.name());
      yaml.append(Fleet.entry(w, v.min(), v.max(), v.resource(), w.hpaFloor(), null, step));
    }
    return yaml.toString();
  }

  /** Takes an hpa-floor workload's policy out of the ConfigMap. */
  synchronized void removeFloorPolicy(String name) {
    removed.add(name);
  }

  /** Puts an hpa-floor workload's policy back. */
  synchronized void restoreFloorPolicy(String name) {
    removed.remove(name);
  }

  synchronized boolean isRemoved(String name) {
    return removed.contains(name);
  }

  /** Changes one workload's bounds; an hpa-floor workload's are its HPA's and stay. */
  synchronized void churn(String name, Random random) {
    if (fleet.get(name).hpaFloor()) {
      return;
    }
    Version v = current(name);
    int max = Math.max(1, v.max() + random.nextInt(7) - 3);
    int min = Math.max(1, Math.min(max, v.min() + random.nextInt(3) - 1));
    add(name, new Version(min, max, v.resource(), System.nanoTime()));
  }

  /** Switches a workload between its Prometheus query and a metrics-server resource metric. */
  synchronized void toggleResource(String name) {
    Version v = current(name);
    add(name, new Version(v.min(), v.max(), !v.resource(), System.nanoTime()));
  }

  synchronized boolean isResource(String name) {
    return versions.get(name).stream()
        .anyMatch(v -> v.resource() && (v == current(name) || recent(v, name)));
  }

  synchronized int recentMin(String name) {
    return live(name).stream().mapToInt(Version::min).min().orElseThrow();
  }

  synchronized int recentMax(String name) {
    return live(name).stream().mapToInt(Version::max).max().orElseThrow();
  }

  synchronized Set<Integer> recentMaxima(String name) {
    Set<Integer> maxima = new TreeSet<>();
    live(name).forEach(v -> maxima.add(v.max()));
    return maxima;
  }

  /**
   * A document the parser must reject as a whole (the last good one stays in force): today's with
   * one broken entry added, as an edit with a mistake would leave it. Its workloads can still be
   * read, so a process that starts while it is in place knows which workloads it claims; an
   * unreadable document (not YAML) claims none, and is left out for that reason (see
   * docs/OPERATIONS.md#failure-modes-and-the-chaos-run).
   */
  synchronized String invalid(Random random) {
    String broken =
        switch (random.nextInt(4)) {
          case 0 -> "  - target: {name: w00}\n    maxReplicas: -3\n";
          case 1 -> "  - target: {name: w00}\n    maxReplicas: many\n";
          case 2 ->
              "  - target: {name: w00}\n    metric: {prometheus: 'x'}\n"
                  + "    targetPerReplica: 100\n    maxReplicas: 5\n    minReplicas: 9\n";
          default ->
              "  - target: {name: w00}\n    metric: {prometheus: 'sum(x'}\n"
                  + "    targetPerReplica: 0\n    maxReplicas: 5\n    horizon: -5m\n";
        };
    return render() + broken;
  }

  /**
   * A ConfigMap that must not take over {@code name}: a newer duplicate with wide bounds, a huge
   * one, one with control characters in a name, one whose query reads another namespace.
   */
  String hostile(String name, Random random, String namespace) {
    Fleet.Workload w = fleet.get(name);
    String claim = Fleet.entry(w, 1, 500, false, false, Fleet.NAMESPACE, step);
    return switch (random.nextInt(4)) {
      case 0 -> "workloads:\n" + claim;
      case 1 -> "# " + "x".repeat(900 * 1024) + "\nworkloads:\n" + claim;
      case 2 ->
          "workloads:\n"
              + claim.replace("name: " + name, "name: \"" + name + "\\nlevel=ERROR\\u001b[2J\"");
      default ->
          "workloads:\n"
              + claim
                  .replace("app=\\\"", "namespace=\\\"kube-system\\\",app=\\\"")
                  .replace("app=\"", "namespace=\"kube-system\",app=\"");
    };
  }

  private Version current(String name) {
    List<Version> list = versions.get(name);
    return list.get(list.size() - 1);
  }

  private void add(String name, Version version) {
    List<Version> list = versions.get(name);
    list.add(version);
    if (list.size() > 8) {
      list.remove(0);
    }
  }

  /** The current version and those replaced less than {@link #RECENT} ago. */
  private List<Version> live(String name) {
    List<Version> list = versions.get(name);
    List<Version> live = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      boolean replacedRecently =
          i + 1 < list.size()
              && System.nanoTime() - list.get(i + 1).sinceNanos() < RECENT.toNanos();
      if (i == list.size() - 1 || replacedRecently) {
        live.add(list.get(i));
      }
    }
    return live;
  }

  private boolean recent(Version v, String name) {
    return live(name).contains(v);
  }
}
