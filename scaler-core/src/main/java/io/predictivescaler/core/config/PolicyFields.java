package io.predictivescaler.core.config;

import static io.predictivescaler.core.config.PolicyField.code;

import io.predictivescaler.core.decision.Behavior;
import io.predictivescaler.core.decision.Burst;
import io.predictivescaler.core.decision.Fallback;
import io.predictivescaler.core.decision.HpaDefaults;
import io.predictivescaler.core.decision.Tolerance;
import io.predictivescaler.core.schedule.Schedule;
import io.predictivescaler.forecast.ModelKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every field that {@code defaults} and a workload may both set, each declared once. Adding a field
 * is one declaration here (and in {@link #ALL}); an accessor on {@link PolicySettings} and {@link
 * WorkloadPolicy} is a convenience. docs/CONFIGURATION.md's tables are checked against {@link #ALL}
 * and {@link #WORKLOAD_DOCS} by {@code PolicyFieldTableTest}.
 */
public final class PolicyFields {

  private static final String FRACTION = ">= 0 and < 1";

  public static final PolicyField<Duration> STEP =
      PolicyField.duration(
          "step",
          Duration.ofSeconds(15),
          PolicyLimits.MIN_STEP,
          Optional.empty(),
          "control and sampling interval: one tick per step",
          ">= 1s; divides `window` evenly; <= `horizon`, <= `refit`; see"
              + " [Memory limits](#memory-limits)");

  public static final PolicyField<Duration> HORIZON =
      PolicyField.duration(
          "horizon",
          Duration.ofMinutes(10),
          Duration.ZERO,
          Optional.empty(),
          "how far ahead the forecast looks",
          "> 0; >= `step`; <= `window`; >= the lead time; at most "
              + PolicyLimits.MAX_FORECAST_STEPS
              + " steps of `step` ([Memory limits](#memory-limits))");

  public static final PolicyField<Duration> WINDOW =
      PolicyField.duration(
          "window",
          Duration.ofHours(24),
          Duration.ZERO,
          Optional.of(PolicyLimits.MAX_WINDOW),
          "history kept per series (backfilled from Prometheus at start)",
          "> 0 and <= "
              + GoDuration.format(PolicyLimits.MAX_WINDOW)
              + "; a multiple of `step`; >= `horizon`; at most "
              + PolicyLimits.MAX_WINDOW_SAMPLES
              + " samples of `step` ([Memory limits](#memory-limits))");

  public static final PolicyField<Duration> REFIT =
      PolicyField.duration(
          "refit",
          Duration.ofHours(1),
          Duration.ZERO,
          Optional.empty(),
          "how often the model is refit (prediction runs every tick)",
          "> 0; >= `step`");

  public static final PolicyField<ModelKind> MODEL =
      PolicyField.oneOf(
          "model",
          ModelKind.values(),
          ModelKind::configName,
          ModelKind.AUTO,
          "`auto`, `linear`, `tree`, `xgboost`, `seasonal-naive`, `holt-winters`, `holt`,"
              + " `last-value`; `auto` picks per workload by rolling backtest",
          "one of those");

  public static final PolicyField<Double> QUANTILE =
      PolicyField.number(
          "quantile",
          0.9,
          q -> q > 0.5 && q < 1,
          "> 0.5 and < 1",
          "quantile level of the peak-load band used until the risk choice has replayed 2 h of"
              + " history (then `risk` picks the level)",
          "> 0.5 and < 1");

  public static final PolicyField<Tolerance> TOLERANCE =
      PolicyField.custom(
          "tolerance",
          HpaDefaults.tolerance(),
          DefaultableFields::readTolerance,
          t -> Map.of("up", t.up(), "down", t.down()),
          List.of(
              new FieldDoc(
                  code("tolerance"),
                  "number or `{up, down}`",
                  code("0.1"),
                  "relative change against current replicas that is ignored (HPA's tolerance,"
                      + " on the metric's reading; the forecast's band has none); a mapping sets"
                      + " each direction",
                  "each " + FRACTION)));

  /** The configured lead time, or empty for {@code auto}. */
  public static final PolicyField<Optional<Duration>> LEAD_TIME =
      PolicyField.custom(
          "leadTime",
          Optional.empty(),
          DefaultableFields::readAutoOrDuration,
          lead -> lead.map(GoDuration::format).orElse("auto"),
          List.of(
              new FieldDoc(
                  code("leadTime"),
                  "`auto` or duration",
                  code("auto"),
                  "pod start-up time: capacity is asked for this far ahead. `auto` measures it per"
                      + " workload from rollouts (scale-up to pods Ready)",
                  "a duration > 0 and <= `horizon`")));

  public static final PolicyField<Duration> LEAD_TIME_FALLBACK =
      PolicyField.duration(
          "leadTimeFallback",
          Duration.ofSeconds(90),
          Duration.ZERO,
          Optional.empty(),
          "lead time used while `auto` has no measurement yet",
          "> 0; <= `horizon` when `leadTime` is `auto`");

  public static final PolicyField<ScalingMode> MODE =
      PolicyField.oneOf(
          "mode",
          ScalingMode.values(),
          ScalingMode::yamlName,
          ScalingMode.DRY_RUN,
          "`scale`: write replicas through the scale subresource; `dry-run`: decide, record and"
              + " emit Events, change nothing; `hpa-floor`: raise an existing HPA's `minReplicas`"
              + " ahead of predicted load",
          "one of those");

  public static final PolicyField<Integer> MIN_REPLICAS =
      PolicyField.integer(
          "minReplicas",
          1,
          n -> n >= 1,
          ">= 1 (scale to zero is not supported)",
          "lower bound",
          ">= 1 (no scale to zero, as the HPA without its alpha gate); <= `maxReplicas`");

  public static final PolicyField<Behavior> BEHAVIOR =
      PolicyField.custom(
          "behavior",
          Behavior.hpaDefaults(),
          (r, name, base) -> r.object(name).map(b -> BehaviorReader.read(b, base)),
          BehaviorReader::yaml,
          List.of(
              new FieldDoc(
                  "`behavior.scaleUp` / `behavior.scaleDown`",
                  "mapping",
                  "HPA defaults",
                  "autoscaling/v2 `HPAScalingRules` for each direction",
                  "see below"),
              new FieldDoc(
                  "`….stabilizationWindowSeconds`",
                  "integer",
                  "up `0`, down `300`",
                  "recommendations are smoothed over this window (lowest for up, highest for"
                      + " down); down holds the forecast's part only for the lead window it"
                      + " already covers (at most this window), the rest for all of it, or"
                      + " nothing longer than that lead window where the band sizes alone",
                  ">= 0 and <= 3600"),
              new FieldDoc(
                  "`….selectPolicy`",
                  "`Max` \\| `Min` \\| `Disabled`",
                  "`Max`",
                  "how several rate policies combine; `Disabled` forbids scaling in that"
                      + " direction",
                  "one of those (case-sensitive, as in Kubernetes)"),
              new FieldDoc(
                  "`….policies`",
                  "list",
                  "up: `[{Pods, 4, 15}, {Percent, 100, 15}]`; down: `[{Percent, 100, 15}]`",
                  "rate limits: at most `value` pods or percent per `periodSeconds`",
                  "not empty"),
              new FieldDoc(
                  "`….policies[].type`",
                  "`Pods` \\| `Percent`",
                  "required",
                  "unit of `value`",
                  "one of those"),
              new FieldDoc(
                  "`….policies[].value`", "integer", "required", "amount per period", "> 0"),
              new FieldDoc(
                  "`….policies[].periodSeconds`",
                  "integer",
                  "required",
                  "length of the period",
                  "> 0 and <= 1800")));

  /**
   * How long the scale-down window holds what the forecast asked for, or empty for {@code auto}.
   */
  public static final PolicyField<Optional<Duration>> FORECAST_HOLD =
      PolicyField.custom(
          "forecastHold",
          Optional.empty(),
          DefaultableFields::readAutoOrDuration,
          hold -> hold.map(GoDuration::format).orElse("auto"),
          List.of(
              new FieldDoc(
                  code("forecastHold"),
                  "`auto` or duration",
                  code("auto"),
                  "how long the scale-down window holds the capacity the forecast asked for:"
                      + " `auto` for its lead window (metric delay, lead time and one step); a"
                      + " duration for that long where it is longer. A longer hold means fewer"
                      + " scale events, often for less of the forecast's gain (see [Scale events"
                      + " and the forecast's hold](#scale-events-and-the-forecasts-hold))",
                  "a duration > 0 and <= `behavior.scaleDown.stabilizationWindowSeconds`")));

  public static final PolicyField<Burst> BURST =
      PolicyField.custom(
          "burst",
          Burst.enabled(HpaDefaults.BURST_FACTOR),
          (r, name, base) -> r.object(name).map(b -> DefaultableFields.readBurst(b, base)),
          b -> Map.of("enabled", b.enabled(), "factor", b.factor()),
          List.of(
              new FieldDoc(
                  code("burst.enabled"),
                  "boolean",
                  code("true"),
                  "when load exceeds `factor` times ready capacity, scale-up skips its"
                      + " stabilization window",
                  "`true` or `false`"),
              new FieldDoc(
                  code("burst.factor"),
                  "number",
                  code("2.0"),
                  "overload ratio that triggers the burst path",
                  "> 1")));

  public static final PolicyField<RiskBudget> RISK =
      PolicyField.custom(
          "risk",
          RiskBudget.hpa(),
          RiskReader::read,
          RiskBudget::toString,
          List.of(
              new FieldDoc(
                  code("risk"),
                  "`hpa` or percentage",
                  code("hpa"),
                  "overload budget: `hpa` takes no more overloaded minutes than the plain HPA at"
                      + " `reactiveTargetPerReplica` on the same history; a percentage such as"
                      + " `0.1%` is the share of minutes that may be overloaded. Each re-pick"
                      + " replays the last day for every candidate, adds the hours since the"
                      + " previous re-pick to figures pooled over days (older hours fade over"
                      + " 240 h) and keeps the cheapest within the budget",
                  "`hpa`, or a percentage > 0% and <= 50%; a bare number is rejected")));

  public static final PolicyField<List<Schedule>> SCHEDULES =
      PolicyField.custom(
          "schedules",
          List.of(),
          ScheduleReader::read,
          ScheduleReader::yaml,
          List.of(
              new FieldDoc(
                  code("schedules"),
                  "list",
                  code("[]"),
                  "replica floors for planned events (KEDA's cron trigger): while a schedule is"
                      + " active, the replica count is at least its `minReplicas`; the highest"
                      + " active floor applies. See [Schedules and fallback](#schedules-and-fallback)",
                  "a list given replaces the one in force; names unique"),
              new FieldDoc(
                  code("schedules[].name"),
                  "string",
                  "required",
                  "names the schedule in reasons, explanations and Events",
                  "not empty, at most " + ScheduleReader.MAX_NAME_LENGTH + " characters"),
              new FieldDoc(
                  code("schedules[].start"),
                  "cron",
                  "required",
                  "5-field cron (`minute hour day-of-month month day-of-week`): the schedule is"
                      + " active from its latest firing until the next firing of `end`",
                  "`*`, values, ranges `a-b`, lists, steps `/n`, names `JAN`-`DEC` and"
                      + " `SUN`-`SAT`, day-of-week 0 or 7 for Sunday; must fire on some date"),
              new FieldDoc(
                  code("schedules[].end"),
                  "cron",
                  "required",
                  "when the schedule stops being active; when both fire in the same minute,"
                      + " `end` wins",
                  "as `start`; must fire at other times than `start`"),
              new FieldDoc(
                  code("schedules[].timezone"),
                  "string",
                  code("UTC"),
                  "time zone whose wall clock `start` and `end` read, daylight saving time"
                      + " included",
                  "an IANA time zone name such as `Europe/Berlin`"),
              new FieldDoc(
                  code("schedules[].minReplicas"),
                  "integer",
                  "required",
                  "the floor while the schedule is active",
                  ">= 1 and <= `maxReplicas`")));

  /** What to run once metrics have been unavailable for a while; empty to hold the count. */
  public static final PolicyField<Optional<Fallback>> FALLBACK =
      PolicyField.custom(
          "fallback",
          Optional.empty(),
          FallbackReader::read,
          FallbackReader::yaml,
          List.of(
              new FieldDoc(
                  code("fallback"),
                  "`none` or mapping",
                  code("none"),
                  "KEDA's fallback: once no metric could be read for `after`, run `replicas`"
                      + " instead of holding the count; `none` holds it (and removes a fallback"
                      + " set in `defaults`)",
                  "`none` or `{replicas, after}`, merged field by field"),
              new FieldDoc(
                  code("fallback.replicas"),
                  "integer",
                  "required",
                  "replicas to run while metrics stay unavailable",
                  ">= `minReplicas` and <= `maxReplicas`"),
              new FieldDoc(
                  code("fallback.after"),
                  "duration",
                  "required",
                  "how long no metric could be read before the fallback applies",
                  "> 0")));

  /** Every defaultable field, in the order they are read and documented. */
  public static final List<PolicyField<?>> ALL =
      List.of(
          STEP,
          HORIZON,
          WINDOW,
          REFIT,
          MODEL,
          QUANTILE,
          TOLERANCE,
          LEAD_TIME,
          LEAD_TIME_FALLBACK,
          MODE,
          MIN_REPLICAS,
          BEHAVIOR,
          FORECAST_HOLD,
          BURST,
          RISK,
          SCHEDULES,
          FALLBACK);

  /**
   * The fields only a workload sets, read by {@link WorkloadReader}; the first word of each row's
   * field is the YAML key.
   */
  public static final List<FieldDoc> WORKLOAD_DOCS =
      List.of(
          new FieldDoc(
              code("target.kind"),
              "string",
              code("Deployment"),
              "kind of the scale target, as in an HPA's `scaleTargetRef`: `Deployment`,"
                  + " `StatefulSet`, `ReplicaSet`, or any kind with a `/scale` subresource (an Argo"
                  + " `Rollout`); see [Scale targets](#scale-targets)",
              "a kind (CamelCase); for `apps/v1` one of `Deployment`, `StatefulSet`,"
                  + " `ReplicaSet`"),
          new FieldDoc(
              code("target.apiVersion"),
              "string",
              "`apps/v1` for the built-in kinds",
              "API group and version of the kind",
              "required for other kinds: `group/version`, like `argoproj.io/v1alpha1`; must be"
                  + " `apps/v1` for the built-in kinds"),
          new FieldDoc(
              code("target.namespace"),
              "string",
              "the ConfigMap's namespace (`default` when parsing a file)",
              "namespace of the workload",
              "DNS-1123 label; see [Namespaces](#namespaces)"),
          new FieldDoc(
              code("target.name"),
              "string",
              "required",
              "name of the scale target",
              "DNS-1123 subdomain"),
          new FieldDoc(
              code("metric.prometheus"),
              "string",
              "one of `prometheus` / `resource` is required, unless `metrics` is given",
              "PromQL instant query returning the workload's total load",
              "not empty; strings closed, `()[]{}` balanced (a light check, see below); quote it"
                  + " when it starts with `{`; no selector for another namespace than the"
                  + " ConfigMap's, which is added to every selector unless trusted (see below)"),
          new FieldDoc(
              code("metric.resource"),
              "`cpu` \\| `memory`",
              "",
              "utilization of the pods' requests, from metrics-server",
              "not together with `prometheus`"),
          new FieldDoc(
              code("targetPerReplica"),
              "number",
              "required with `prometheus`",
              "load one replica should carry, in the query's unit",
              "> 0; only with `prometheus`"),
          new FieldDoc(
              code("reactiveTargetPerReplica"),
              "number",
              "`targetPerReplica`",
              "load one replica should carry while the forecast is **not** trusted (and for the"
                  + " shadow HPA): set it to what your plain HPA would target, so a fallback to"
                  + " reactive scaling keeps the HPA's headroom, while a trusted forecast's upper"
                  + " band lets replicas run closer to `targetPerReplica`",
              "> 0 and <= `targetPerReplica`; only with `prometheus`"),
          new FieldDoc(
              code("targetUtilization"),
              "integer",
              "required with `resource`",
              "average utilization per replica, percent of requests (HPA's `averageUtilization`)",
              ">= 1 (may exceed 100); only with `resource`"),
          new FieldDoc(
              code("metrics"),
              "list",
              "instead of `metric`",
              "several metrics, as an HPA's `metrics`: each entry is a `metric` with its targets"
                  + " in the entry (the `metrics[]` rows). Each is forecast on its own; the largest"
                  + " recommendation wins and the reason names its metric. See [Several"
                  + " metrics](#several-metrics)",
              "1 to "
                  + PolicyLimits.MAX_METRICS
                  + " entries ([Memory limits](#memory-limits)); not together with `metric` or"
                  + " the workload's own `targetPerReplica`, `reactiveTargetPerReplica`,"
                  + " `targetUtilization`; each query or resource once"),
          new FieldDoc(
              code("metrics[].prometheus"),
              "string",
              "one of `prometheus` / `resource` is required",
              "as `metric.prometheus`",
              "as `metric.prometheus`"),
          new FieldDoc(
              code("metrics[].resource"),
              "`cpu` \\| `memory`",
              "",
              "as `metric.resource`",
              "not together with `prometheus`"),
          new FieldDoc(
              code("metrics[].targetPerReplica"),
              "number",
              "required with `prometheus`",
              "as `targetPerReplica`, for this entry",
              "> 0; only with `prometheus`"),
          new FieldDoc(
              code("metrics[].reactiveTargetPerReplica"),
              "number",
              "`targetPerReplica`",
              "as `reactiveTargetPerReplica`, for this entry",
              "> 0 and <= `targetPerReplica`; only with `prometheus`"),
          new FieldDoc(
              code("metrics[].targetUtilization"),
              "integer",
              "required with `resource`",
              "as `targetUtilization`, for this entry",
              ">= 1 (may exceed 100); only with `resource`"),
          new FieldDoc(
              code("maxReplicas"),
              "integer",
              "required",
              "upper bound",
              ">= 1 and >= `minReplicas`"));

  private PolicyFields() {}

  /** The Markdown table of {@code rows}, as docs/CONFIGURATION.md has it. */
  public static String markdownTable(List<FieldDoc> rows) {
    StringBuilder out =
        new StringBuilder("| field | type | default | meaning | validation |\n")
            .append("| --- | --- | --- | --- | --- |\n");
    rows.forEach(row -> out.append(row.markdown()).append('\n'));
    return out.toString();
  }

  /** The rows of every defaultable field, in {@link #ALL}'s order. */
  public static List<FieldDoc> defaultableDocs() {
    return ALL.stream().flatMap(f -> f.docs().stream()).toList();
  }
}
