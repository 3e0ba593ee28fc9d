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
          .map(row -> row.field().replace("`", "").split("[.\\[]")[0])
          .collect(Collectors.toUnmodifiableSet());

  private static final Set<String> ALL_FIELDS = union(OWN_FIELDS, DefaultableFields.NAMES);
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
    Optional<List<MetricSpec>> metrics = MetricReader.read(r);
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
                    target.orElseThrow(), metrics.orElseThrow(), max.orElseThrow(), d)));
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

  static String shorten(String text) {
    String oneLine = text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN) + "...";
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
