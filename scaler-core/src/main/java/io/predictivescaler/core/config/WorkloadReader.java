package io.predictivescaler.core.config;

import io.predictivescaler.core.schedule.Schedule;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Reads one entry of {@code workloads} over the document's resolved defaults. */
final class WorkloadReader {

  /** The keys only a workload sets: the first word of each row of the per-workload table. */
  static final Set<String> OWN_FIELDS =
      PolicyFields.WORKLOAD_DOCS.stream()
          .map(row -> row.field().replace("`", "").split("\\.")[0])
          .collect(Collectors.toUnmodifiableSet());

  private static final Set<String> ALL_FIELDS = union(OWN_FIELDS, DefaultableFields.NAMES);
  private static final String NEXT_TO_METRIC = "set it on the workload, next to metric";
  private static final int MAX_SHOWN = 80;

  /**
   * What was read: the target when it is valid (for duplicate checks), and when the workload is
   * error-free a builder of its policy, to call only once the whole document is.
   */
  record Read(Optional<TargetRef> target, Optional<Supplier<WorkloadPolicy>> policy) {}

  private WorkloadReader() {}

  static Read read(FieldReader r, PolicySettings base, String defaultNamespace) {
    int errorsBefore = r.errorCount();
    r.rejectUnknown(ALL_FIELDS, Map.of());
    r.require("target", "required");
    Optional<TargetRef> target =
        r.object("target").flatMap(t -> TargetReader.read(t, defaultNamespace));
    r.require("metric", "required (prometheus or resource)");
    Optional<MetricSpec> metric = metric(r);
    r.require("maxReplicas", "required");
    Optional<Integer> max = r.integer("maxReplicas", n -> n >= 1, ">= 1");
    PolicySettings d = DefaultableFields.read(r, base);
    if (max.isPresent()) {
      atMostMax(r, max.get(), "minReplicas", "minReplicas", d.minReplicas());
      List<Schedule> schedules = d.schedules();
      for (int i = 0; i < schedules.size(); i++) {
        String path = "schedules[" + i + "].minReplicas";
        atMostMax(r, max.get(), "schedules", path, schedules.get(i).minReplicas());
      }
      d.fallback()
          .ifPresent(f -> atMostMax(r, max.get(), "fallback", "fallback.replicas", f.replicas()));
    }
    if (r.errorCount() > errorsBefore) {
      return new Read(target, Optional.empty());
    }
    return new Read(
        target,
        Optional.of(
            () ->
                new WorkloadPolicy(
                    target.orElseThrow(), metric.orElseThrow(), max.orElseThrow(), d)));
  }

  /**
   * Checks a count that must not exceed {@code maxReplicas}: reported at the count when the
   * workload sets {@code field}, else at {@code maxReplicas}, since the count came from defaults.
   *
   * @param field the top-level key the count is read under
   * @param path the count's path below the workload
   */
  private static void atMostMax(FieldReader r, int max, String field, String path, int count) {
    if (r.isInvalid(field) || count <= max) {
      return;
    }
    if (r.isSet(field)) {
      r.errorAt(r.path(path), "must be <= maxReplicas (" + max + "), got " + count);
    } else {
      r.error("maxReplicas", "must be >= " + path + " (" + count + ", from defaults), got " + max);
    }
  }

  /** The metric with its per-replica target, reading both blocks and checking they agree. */
  private static Optional<MetricSpec> metric(FieldReader r) {
    Optional<FieldReader> block = r.object("metric");
    Optional<String> query = block.flatMap(WorkloadReader::query);
    Optional<ResourceName> resource =
        block.flatMap(m -> m.oneOf("resource", ResourceName.values(), ResourceName::yamlName));
    if (block.isPresent()) {
      FieldReader m = block.get();
      boolean both = m.has("prometheus") && m.has("resource");
      if (both || !(m.has("prometheus") || m.has("resource"))) {
        r.error(
            "metric",
            "set exactly one of prometheus or resource, got " + (both ? "both" : "neither"));
        return Optional.empty();
      }
    }
    if (query.isPresent()) {
      rejectField(r, "targetUtilization", "only for resource metrics; use targetPerReplica");
      r.require("targetPerReplica", "required with a prometheus metric");
      Optional<Double> target = r.number("targetPerReplica", v -> v > 0, "> 0");
      Optional<Double> reactive = r.number("reactiveTargetPerReplica", v -> v > 0, "> 0");
      if (target.isPresent() && reactive.isPresent() && reactive.get() > target.get()) {
        r.error(
            "reactiveTargetPerReplica",
            "must be <= targetPerReplica (" + num(target.get()) + "), got " + num(reactive.get()));
        return Optional.empty();
      }
      return target.map(t -> new PrometheusMetric(query.get(), t, reactive.orElse(t)));
    }
    if (resource.isPresent()) {
      rejectField(r, "targetPerReplica", "only for prometheus metrics; use targetUtilization");
      rejectField(r, "reactiveTargetPerReplica", "only for prometheus metrics");
      r.require("targetUtilization", "required with a resource metric");
      return r.integer("targetUtilization", v -> v >= 1, ">= 1 (percent of requests, like 80)")
          .map(t -> new ResourceMetric(resource.get(), t));
    }
    r.number("targetPerReplica", v -> v > 0, "> 0");
    r.integer("targetUtilization", v -> v >= 1, ">= 1 (percent of requests, like 80)");
    return Optional.empty();
  }

  private static Optional<String> query(FieldReader m) {
    m.rejectUnknown(
        Set.of("prometheus", "resource"),
        Map.of(
            "targetPerReplica",
            NEXT_TO_METRIC,
            "reactiveTargetPerReplica",
            NEXT_TO_METRIC,
            "targetUtilization",
            NEXT_TO_METRIC));
    Optional<String> query =
        m.text("prometheus", "a PromQL string (quote it when it starts with '{')");
    if (query.isPresent() && query.get().isBlank()) {
      m.error("prometheus", "must not be empty");
      return Optional.empty();
    }
    Optional<String> problem = query.flatMap(PromQlCheck::problem);
    if (problem.isPresent()) {
      m.error(
          "prometheus", "malformed PromQL (" + problem.get() + "), got " + shorten(query.get()));
      return Optional.empty();
    }
    return query;
  }

  private static void rejectField(FieldReader r, String field, String message) {
    if (r.has(field)) {
      r.error(field, message);
    }
  }

  static String shorten(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN) + "...";
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
