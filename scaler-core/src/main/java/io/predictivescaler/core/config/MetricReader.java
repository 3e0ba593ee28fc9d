package io.predictivescaler.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads a workload's metrics: {@code metric:} with its targets beside it on the workload, or {@code
 * metrics:}, a list whose entries carry their own targets (an HPA's {@code metrics}).
 */
final class MetricReader {

  static final String ONE = "metric";
  static final String LIST = "metrics";

  /** The keys of a {@code metrics} entry: the {@code metrics[].x} rows of the workload table. */
  static final Set<String> ENTRY_FIELDS =
      PolicyFields.WORKLOAD_DOCS.stream()
          .map(row -> row.field().replace("`", ""))
          .filter(field -> field.startsWith(LIST + "[]."))
          .map(field -> field.substring((LIST + "[].").length()))
          .collect(Collectors.toUnmodifiableSet());

  private static final Set<String> SOURCES = Set.of("prometheus", "resource");
  private static final Set<String> TARGETS =
      Set.of("targetPerReplica", "reactiveTargetPerReplica", "targetUtilization");
  private static final String NEXT_TO_METRIC = "set it on the workload, next to metric";
  private static final String IN_EACH_ENTRY = "with metrics, set it in each entry";

  private MetricReader() {}

  /** The workload's metrics in order, or empty after reporting what is wrong with them. */
  static Optional<List<MetricSpec>> read(FieldReader r) {
    if (r.has(ONE) && r.has(LIST)) {
      r.error(LIST, "not together with metric; move metric and its targets into the list");
      return Optional.empty();
    }
    if (r.has(LIST)) {
      for (String target : TARGETS) {
        rejectField(r, target, "only beside metric; " + IN_EACH_ENTRY);
      }
      return list(r);
    }
    r.require(ONE, "required (prometheus or resource), or metrics, a list of them");
    Optional<FieldReader> block = r.object(ONE);
    if (block.isEmpty()) {
      checkTargets(r);
      return Optional.empty();
    }
    block.get().rejectUnknown(SOURCES, hints(NEXT_TO_METRIC));
    return spec(block.get(), r, problem -> r.error(ONE, problem)).map(List::of);
  }

  private static Optional<List<MetricSpec>> list(FieldReader r) {
    Optional<ArrayNode> list = r.list(LIST);
    if (list.isEmpty()) {
      return Optional.empty();
    }
    ArrayNode items = list.get();
    if (items.isEmpty()) {
      r.error(LIST, "must not be empty: list one metric or more");
      return Optional.empty();
    }
    if (items.size() > PolicyLimits.MAX_METRICS) {
      r.error(
          LIST,
          "at most "
              + PolicyLimits.MAX_METRICS
              + " metrics per workload (each has its own window and forecaster, see Memory"
              + " limits), got "
              + items.size());
      return Optional.empty();
    }
    int errorsBefore = r.errorCount();
    List<MetricSpec> specs = new ArrayList<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String path = r.path(LIST) + "[" + i + "]";
      JsonNode item = items.get(i);
      if (!item.isObject()) {
        r.errorAt(path, "must be a mapping, got " + FieldReader.describe(item, false));
        continue;
      }
      FieldReader entry = r.child((ObjectNode) item, path);
      entry.rejectUnknown(ENTRY_FIELDS, Map.of());
      Optional<MetricSpec> spec = spec(entry, entry, problem -> r.errorAt(path, problem));
      if (spec.isEmpty()) {
        continue;
      }
      Integer first = firstIndex.putIfAbsent(spec.get().name(), i);
      if (first != null) {
        r.errorAt(
            path,
            "the same metric as "
                + LIST
                + "["
                + first
                + "] ("
                + WorkloadReader.shorten(spec.get().name())
                + "); list each metric once");
        continue;
      }
      specs.add(spec.get());
    }
    if (r.errorCount() > errorsBefore) {
      r.markInvalid(LIST);
      return Optional.empty();
    }
    return Optional.of(List.copyOf(specs));
  }

  /**
   * One metric: its source ({@code prometheus} or {@code resource}) read from {@code source}, its
   * targets from {@code targets} (the workload beside {@code metric:}, or the entry itself).
   *
   * @param sourceError reports a problem of the source as a whole at its path
   */
  private static Optional<MetricSpec> spec(
      FieldReader source, FieldReader targets, Consumer<String> sourceError) {
    Optional<String> query = query(source);
    Optional<ResourceName> resource =
        source.oneOf("resource", ResourceName.values(), ResourceName::yamlName);
    boolean both = source.has("prometheus") && source.has("resource");
    if (both || !(source.has("prometheus") || source.has("resource"))) {
      sourceError.accept(
          "set exactly one of prometheus or resource, got " + (both ? "both" : "neither"));
      return Optional.empty();
    }
    if (query.isPresent()) {
      rejectField(targets, "targetUtilization", "only for resource metrics; use targetPerReplica");
      targets.require("targetPerReplica", "required with a prometheus metric");
      Optional<Double> target = targets.number("targetPerReplica", v -> v > 0, "> 0");
      Optional<Double> reactive = targets.number("reactiveTargetPerReplica", v -> v > 0, "> 0");
      if (target.isPresent() && reactive.isPresent() && reactive.get() > target.get()) {
        targets.error(
            "reactiveTargetPerReplica",
            "must be <= targetPerReplica (" + num(target.get()) + "), got " + num(reactive.get()));
        return Optional.empty();
      }
      return target.map(t -> new PrometheusMetric(query.get(), t, reactive.orElse(t)));
    }
    if (resource.isPresent()) {
      rejectField(
          targets, "targetPerReplica", "only for prometheus metrics; use targetUtilization");
      rejectField(targets, "reactiveTargetPerReplica", "only for prometheus metrics");
      targets.require("targetUtilization", "required with a resource metric");
      return targets
          .integer("targetUtilization", v -> v >= 1, ">= 1 (percent of requests, like 80)")
          .map(t -> new ResourceMetric(resource.get(), t));
    }
    checkTargets(targets);
    return Optional.empty();
  }

  /** Reports malformed targets of a metric whose source could not be read. */
  private static void checkTargets(FieldReader targets) {
    targets.number("targetPerReplica", v -> v > 0, "> 0");
    targets.integer("targetUtilization", v -> v >= 1, ">= 1 (percent of requests, like 80)");
  }

  private static Optional<String> query(FieldReader m) {
    Optional<String> query =
        m.text("prometheus", "a PromQL string (quote it when it starts with '{')");
    if (query.isPresent() && query.get().isBlank()) {
      m.error("prometheus", "must not be empty");
      return Optional.empty();
    }
    Optional<String> problem = query.flatMap(PromQlCheck::problem);
    if (problem.isPresent()) {
      m.error(
          "prometheus",
          "malformed PromQL (" + problem.get() + "), got " + WorkloadReader.shorten(query.get()));
      return Optional.empty();
    }
    return query;
  }

  private static Map<String, String> hints(String hint) {
    return TARGETS.stream().collect(Collectors.toMap(t -> t, t -> hint));
  }

  private static void rejectField(FieldReader r, String field, String message) {
    if (r.has(field)) {
      r.error(field, message);
    }
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
