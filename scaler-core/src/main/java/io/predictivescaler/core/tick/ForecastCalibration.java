package io.predictivescaler.core.tick;

import io.predictivescaler.core.config.PrometheusMetric;
import io.predictivescaler.core.config.RiskBudget;
import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.counterfactual.BiasFactors;
import io.predictivescaler.core.counterfactual.CandidateLog;
import io.predictivescaler.core.counterfactual.CandidateMemory;
import io.predictivescaler.core.counterfactual.CandidateScore;
import io.predictivescaler.core.counterfactual.CounterfactualBias;
import io.predictivescaler.core.counterfactual.CounterfactualChoice;
import io.predictivescaler.core.counterfactual.LightCluster;
import io.predictivescaler.core.counterfactual.OutcomeLedger;
import io.predictivescaler.core.counterfactual.RealizedOutcome;
import io.predictivescaler.core.counterfactual.RiskChooser;
import io.predictivescaler.core.decision.ForecastReplicas;
import io.predictivescaler.core.decision.ForecastStatus;
import io.predictivescaler.core.decision.ForecastSummary;
import io.predictivescaler.core.decision.ScalingPolicy;
import io.predictivescaler.forecast.Forecast;
import io.predictivescaler.forecast.peak.PeakBand;
import io.predictivescaler.forecast.peak.PeakCalibrator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns a workload's forecast into what the decision pipeline sizes capacity for: the calibrated
 * peak load over the lead window at the quantile level the workload's risk budget implies.
 *
 * <p>Every tick the {@link PeakCalibrator} scores the predictions whose window has passed and gives
 * the band at every tracked level; the tick is also recorded in a {@link CandidateLog}. On the
 * re-pick schedule the {@link RiskChooser} replays the recorded history for the plain HPA and for
 * each level through a {@link LightCluster}, and the cheapest candidate within the budget runs the
 * workload until the next re-pick. Trust is calibration: the band drives decisions once enough
 * outcomes have matured, unless its recent coverage has collapsed far below its level.
 */
final class ForecastCalibration {

  /** A band whose recent coverage is this far below its level has lost calibration. */
  static final double COLLAPSE_MARGIN = 0.15;

  /**
   * The replayed history: a whole day, so that the choice has seen every hour's pattern (a half-day
   * replayed at night has never seen the morning ramp); in two-minute buckets to keep a day within
   * 30 KB per workload.
   */
  private static final Duration BUCKET = Duration.ofMinutes(2);

  private static final Duration SPAN = Duration.ofHours(24);
  private static final Duration MIN_SPAN = Duration.ofHours(2);

  /**
   * History the choice must have replayed before the band may size capacity below the HPA: a day,
   * for the same reason {@link #SPAN} is one. Until then the band only adds to what the HPA at the
   * reactive target asks for, and only while the model beats the naive baselines (its trust
   * verdict); otherwise the plain HPA runs. A choice made on a few hours is in-sample optimism at
   * its worst: on the bundled CPU traces every overload minute predictive had and the HPA did not
   * fell in the first half-day, on choices resting on two to ten hours. A band added by a model no
   * better than last value cost up to half the day's replica-hours again, which traces where the
   * HPA was then chosen never paid back.
   */
  static final Duration PROVING_SPAN = SPAN;

  /**
   * History the choice must have replayed before a split candidate may run: each of its two levels
   * is scored on about half the buckets, so it takes two days for each to rest on as many hours as
   * a single level does at the end of {@link #PROVING_SPAN}. With more candidates to pick from, a
   * choice on less is luckier in the replay than in what follows (on one-minute web traffic
   * replayed in windows from a cold start, two and three missed windows more).
   */
  static final Duration SPLIT_SPAN = PROVING_SPAN.multipliedBy(2);

  private final PeakCalibrator calibrator;
  private WorkloadPolicy policy;
  private ScalingPolicy scaling;
  private CandidateLog candidates;
  private final CandidateMemory memory = new CandidateMemory();
  private final CounterfactualBias bias = new CounterfactualBias();
  private OutcomeLedger ledger = new OutcomeLedger();
  private CounterfactualChoice choice;
  private Instant chosenAt;
  private long replayedSeconds;
  private double savedReplicaHours;
  private boolean savingsSpent;
  private double owedWhenSpent;
  private boolean cappedSinceRepick;
  private CalibrationStatus status;

  ForecastCalibration(WorkloadPolicy policy, ScalingPolicy scaling) {
    this.policy = policy;
    this.scaling = scaling;
    this.calibrator = new PeakCalibrator();
  }

  /**
   * The same calibration under a new policy: a changed policy re-picks at once with its bounds and
   * forgets what the candidates did under the old ones; an unchanged one (another ConfigMap
   * changed) keeps both.
   */
  ForecastCalibration withPolicy(WorkloadPolicy newPolicy, ScalingPolicy newScaling) {
    if (!newPolicy.equals(policy)) {
      this.chosenAt = null;
      this.replayedSeconds = 0;
      this.savedReplicaHours = 0;
      this.savingsSpent = false;
      this.cappedSinceRepick = false;
      memory.clear();
      bias.clear();
      ledger = new OutcomeLedger();
    }
    this.policy = newPolicy;
    this.scaling = newScaling;
    return this;
  }

  /** The latest counterfactual choice, if one was made. */
  Optional<CounterfactualChoice> choice() {
    return Optional.ofNullable(choice);
  }

  /** The bands and choice of the last tick that had a forecast; null before the first. */
  CalibrationStatus status() {
    return status;
  }

  /**
   * @param shadow the replicas of the plain HPA run beside the workload; null when there is none
   *     (the replay's figures are then used as they come)
   */
  ForecastSummary summarize(
      Instant now,
      WorkloadObservation observation,
      Forecast forecast,
      Duration lead,
      ReplicaCounts shadow) {
    if (forecast == null) {
      return ForecastSummary.insufficientHistory("none", "no load samples yet");
    }
    Duration window = leadWindow(now, observation, lead);
    PeakBand band = calibrate(observation, forecast, window);
    choose(now, observation, band, lead, window, shadow);
    double saved = savedReplicaHours + ledger.savedReplicaHours();
    status =
        new CalibrationStatus(
            band, choice, Duration.ofSeconds(replayedSeconds), bias.factors(), chosenAt, saved);
    String model = forecast.fittedAt() == null ? "last-value" : forecast.model();
    if (!band.calibrated()) {
      return ForecastSummary.insufficientHistory(
          model,
          "peak band calibrating: "
              + band.scores()
              + " of "
              + PeakCalibrator.MIN_SCORES
              + " outcomes seen");
    }
    if (status.proving() && !forecast.trust().trusted()) {
      return new ForecastSummary(
          band.at(choice == null || choice.hpaChosen() ? policy.quantile() : choice.level()),
          ForecastStatus.INSUFFICIENT_HISTORY,
          String.format(
                  Locale.ROOT,
                  "the plain HPA runs until the counterfactual choice has replayed %d h of history"
                      + " (%.1f h so far)",
                  PROVING_SPAN.toHours(),
                  replayedSeconds / 3600.0)
              + ", and the model has not beaten the naive baselines ("
              + forecast.trust().reason()
              + ")"
              + (choice == null ? "" : "; the choice so far: " + choice.rule()),
          model);
    }
    if (choice != null && choice.hpaChosen()) {
      return ForecastSummary.untrusted(
          band.at(policy.quantile()),
          model,
          "counterfactual replay chose the plain HPA: " + choice.rule());
    }
    double level = choice == null ? policy.quantile() : choice.levelAt(band.last());
    double headroom = choice == null ? 0 : choice.headroom();
    double reactiveShare = status.reactiveShare();
    double coverage = band.coverageAt(level);
    if (coverage < level - COLLAPSE_MARGIN) {
      return ForecastSummary.untrusted(
          band.at(level),
          model,
          String.format(
              Locale.ROOT,
              "peak band coverage %.1f%% far below its %.1f%% level: calibration collapsed",
              100 * coverage,
              100 * level));
    }
    ForecastSummary trusted =
        ForecastSummary.trusted(
                band.at(level) * (1 + headroom), model, explain(level, band), reactiveShare)
            .withHold(hold(window));
    double owed = owed(observation, shadow, trusted.peakUpperLoad(), trusted.hold());
    if (savingsSpent && saved - owed > owedWhenSpent) {
      savingsSpent = false;
    } else if (!savingsSpent && saved - owed <= 0) {
      savingsSpent = true;
      owedWhenSpent = owed;
      cappedSinceRepick = true;
    }
    if (savingsSpent) {
      return trusted.withoutRaising(
          String.format(
              Locale.ROOT,
              "may not raise the count above the plain HPA's until the workload has saved %.2f"
                  + " replica-h more than the band asks for, or the re-pick at %s: the workload"
                  + " has saved %.2f replica-h against the shadow HPA, and risk: hpa promises the"
                  + " HPA's cost",
              owedWhenSpent,
              status.nextRepickAt(),
              saved));
    }
    return trusted;
  }

  /**
   * What the decision made now spends at the least above the shadow HPA, in replica-hours: the
   * replicas above the shadow's for the step just ended (which the ledger tallies at the next
   * tick), and the replicas the band asks for above the shadow's for as long as the scale-down
   * window holds them; negative infinity where nothing is owed (no shadow, an explicit budget, the
   * first day).
   *
   * <p>Under {@code risk: hpa}, which promises the plain HPA's cost, capacity above the HPA's count
   * is paid for out of replica-hours the workload ran below the shadow HPA: once the savings do not
   * cover this, the forecast may only lower the count. The re-picks keep the promise on the
   * replayed history only; between them a choice that adds capacity ahead of peaks that do not come
   * (or a band that widened since) spends in earnest, up to two hours of it, and a workload where
   * the HPA keeps winning never pays it back. Not on the first day: the band then adds only on a
   * model that beats the naive baselines, and what it spends is owed from the savings that follow.
   * Once spent, the forecast may raise the count again when the savings exceed what the band asks
   * for by what it asked for when they ran out, or at the next re-pick: letting it raise again as
   * soon as the band fell within the savings left scaled the workload up and down every few ticks,
   * and waiting for the re-pick alone left the forecast unable to raise for up to two hours after
   * the savings were back.
   */
  private double owed(
      WorkloadObservation observation, ReplicaCounts shadow, double peak, Duration hold) {
    if (shadow == null
        || !policy.risk().isHpa()
        || status.proving()
        || !(policy.metric() instanceof PrometheusMetric metric)) {
      return Double.NEGATIVE_INFINITY;
    }
    long step = policy.step().getSeconds();
    int above = Math.max(0, observation.currentReplicas() - shadow.desired());
    int wanted = ForecastReplicas.needed(peak, metric.targetPerReplica());
    int raise = Math.max(0, wanted - shadow.desired());
    return (above * step + raise * Math.max(step, hold.getSeconds())) / 3600.0;
  }

  private String explain(double level, PeakBand band) {
    double capped = calibrator.cappedAt(level);
    String coverage =
        String.format(
            Locale.ROOT,
            "peak over the lead window%s%s at q%s%s, recent coverage %.1f%%",
            calibrator.risingWins() ? " (its newest rise carried on)" : "",
            calibrator.raisedByYesterday() > 0
                ? String.format(
                    Locale.ROOT,
                    " (raised by yesterday's rise of %.4g at this time)",
                    calibrator.raisedByYesterday())
                : "",
            RiskChooser.trim(level),
            Double.isNaN(capped)
                ? ""
                : String.format(
                    Locale.ROOT,
                    " capped at %.4g (the newest load plus the rise the last %d days suggest)",
                    capped,
                    PeakCalibrator.RISE_MEMORY_DAYS),
            100 * band.coverageAt(level));
    String why =
        choice == null
            ? "first level until " + MIN_SPAN.toHours() + " h of history can be replayed"
            : choice.rule();
    if (choice != null && choice.chosen().isSplit()) {
      CandidateScore split = choice.chosen();
      why +=
          String.format(
              Locale.ROOT,
              "; q%s at loads from %.4g (the median replayed), q%s below",
              RiskChooser.trim(split.level()),
              split.splitLoad(),
              RiskChooser.trim(split.quietLevel()));
    }
    if (status.proving()) {
      why +=
          String.format(
              Locale.ROOT,
              "; only adds to the HPA until %d h of history are replayed (%.1f h so far)",
              PROVING_SPAN.toHours(),
              replayedSeconds / 3600.0);
    }
    return coverage + "; " + why;
  }

  /**
   * The span the peak band covers: from the newest sample (which the metric delay makes older than
   * {@code now}) to {@code now + lead + one step}, when capacity asked for now is Ready and the
   * next tick can correct it. It is also how long the scale-down window holds what the band asked
   * for: a band that falls within it is the same forecast seen a little later.
   */
  private Duration leadWindow(Instant now, WorkloadObservation observation, Duration lead) {
    Duration span =
        Duration.between(observation.history().end(), now.plus(lead).plus(policy.step()));
    return span.isNegative() ? Duration.ZERO : span;
  }

  /**
   * How long the scale-down window holds what the band asked for: its lead window, or the policy's
   * {@code forecastHold} where that is longer (fewer scale events, often for less of the forecast's
   * gain).
   */
  private Duration hold(Duration window) {
    return policy.forecastHold().filter(h -> h.compareTo(window) > 0).orElse(window);
  }

  /** The calibrated peak over the lead window ({@link #leadWindow}). */
  private PeakBand calibrate(WorkloadObservation observation, Forecast forecast, Duration window) {
    var history = observation.history();
    long step = history.stepSeconds();
    long span = Math.max(step, window.getSeconds());
    int leadSteps = (int) Math.min(Integer.MAX_VALUE, -Math.floorDiv(-span, step));
    return calibrator.update(history, forecast.point(), leadSteps);
  }

  /**
   * Records what this tick saw for counterfactual replays and, on the re-pick schedule, replays the
   * recent history for every candidate and keeps the cheapest within the risk budget.
   */
  private void choose(
      Instant now,
      WorkloadObservation observation,
      PeakBand band,
      Duration lead,
      Duration window,
      ReplicaCounts shadow) {
    if (!(policy.metric() instanceof PrometheusMetric metric)) {
      return;
    }
    if (shadow != null) {
      recordOutcome(now, observation, shadow, metric.targetPerReplica());
    }
    long bucket = Math.max(BUCKET.getSeconds(), policy.step().getSeconds());
    if (candidates == null || candidates.bucketSeconds() != bucket) {
      candidates =
          new CandidateLog(
              bucket, (int) (SPAN.getSeconds() / bucket), PeakCalibrator.LEVELS.length);
    }
    candidates.record(now.getEpochSecond(), band.last(), band.calibrated() ? band.bands() : null);
    boolean due = chosenAt == null || !now.isBefore(chosenAt.plus(RiskChooser.REPICK_INTERVAL));
    if (!due || candidates.size() * bucket < MIN_SPAN.getSeconds()) {
      return;
    }
    long delay = Math.max(0, now.getEpochSecond() - observation.history().end().getEpochSecond());
    LightCluster cluster =
        new LightCluster(
            bucket,
            (int) -Math.floorDiv(-delay, bucket),
            (int) Math.max(1, -Math.floorDiv(-lead.getSeconds(), bucket)),
            (int) (scaling.behavior().scaleDown().stabilizationWindow().getSeconds() / bucket),
            (int) Math.max(1, hold(window).getSeconds() / bucket),
            policy.minReplicas(),
            policy.maxReplicas(),
            metric.targetPerReplica(),
            metric.reactiveTargetPerReplica(),
            Math.max(scaling.tolerance().up(), scaling.tolerance().down()));
    RiskBudget risk = policy.risk();
    long sinceLast =
        chosenAt == null ? Long.MAX_VALUE : now.getEpochSecond() - chosenAt.getEpochSecond();
    int scoreFrom = (int) (candidates.size() - Math.min(candidates.size(), sinceLast / bucket));
    List<CandidateScore> latest =
        RiskChooser.score(candidates, cluster, PeakCalibrator.LEVELS, scoreFrom);
    double hours = chosenAt == null ? 0 : sinceLast / 3600.0;
    RealizedOutcome realized = ledger.drain();
    savedReplicaHours += realized.shadowReplicaHours() - realized.replicaHours();
    measureBias(latest, realized, hours);
    List<CandidateScore> pooled = bias.correct(memory.add(latest, hours));
    replayedSeconds += (candidates.size() - scoreFrom) * bucket;
    Duration replayed = Duration.ofSeconds(replayedSeconds);
    CounterfactualChoice chosen =
        RiskChooser.choose(
            runnable(pooled, replayed),
            runnable(bias.correct(latest), replayed),
            risk.isHpa() ? Double.NaN : risk.share());
    BiasFactors correction = bias.factors();
    choice =
        (correction.measured()
                ? chosen.withRule(chosen.rule() + "; " + correction.describe())
                : chosen)
            .kept();
    chosenAt = now;
    savingsSpent = false;
    cappedSinceRepick = false;
  }

  /**
   * The candidates that may run once the choice has replayed {@code replayed}: split candidates
   * only from {@link #SPLIT_SPAN} on; the others in the same order.
   */
  static List<CandidateScore> runnable(List<CandidateScore> scores, Duration replayed) {
    if (replayed.compareTo(SPLIT_SPAN) >= 0) {
      return scores;
    }
    return scores.stream().filter(s -> !s.isSplit()).toList();
  }

  /**
   * Sets the counterfactual figures of the interval since the previous re-pick against what really
   * ran in it: only where a forecast candidate ran it alone (not the HPA, not the first day, not
   * capped at the HPA's count for want of savings), so that the candidate's figures describe what
   * ran.
   */
  private void measureBias(List<CandidateScore> latest, RealizedOutcome realized, double hours) {
    boolean forecastRan =
        choice != null
            && !choice.hpaChosen()
            && !cappedSinceRepick
            && replayedSeconds >= PROVING_SPAN.getSeconds()
            && realized.replicaHours() > 0
            && realized.shadowReplicaHours() > 0;
    if (!forecastRan) {
      bias.fade(hours);
      return;
    }
    String ran = choice.chosen().name();
    for (CandidateScore s : latest) {
      if (s.name().equals(ran)) {
        bias.add(s, latest.get(0), realized, hours);
        return;
      }
    }
    bias.fade(hours);
  }

  /** Tallies this tick's replicas, the shadow HPA's, and the load samples new since the last. */
  private void recordOutcome(
      Instant now, WorkloadObservation observation, ReplicaCounts shadow, double perReplica) {
    ledger.tick(
        now.getEpochSecond(),
        observation.currentReplicas(),
        observation.readyReplicas(),
        shadow.desired(),
        shadow.ready());
    var history = observation.history();
    long step = history.stepSeconds();
    int first = history.size();
    while (first > 0
        && history.size() - first < OutcomeLedger.TICKS_KEPT
        && history.timeAt(first - 1).getEpochSecond() > ledger.lastSample()) {
      first--;
    }
    float[] loads = history.values();
    for (int i = first; i < loads.length; i++) {
      ledger.sample(history.timeAt(i).getEpochSecond(), loads[i], step, perReplica);
    }
  }
}
