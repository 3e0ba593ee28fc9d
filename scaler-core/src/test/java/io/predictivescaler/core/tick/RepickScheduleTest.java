package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;

import io.predictivescaler.core.config.WorkloadPolicy;
import io.predictivescaler.core.counterfactual.RiskChooser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The counterfactual re-pick runs on its own schedule, more often than the forecaster's model
 * re-pick: publishing the same policy again (another ConfigMap changed) keeps the choice, while a
 * changed policy re-picks at the next tick.
 */
class RepickScheduleTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(15);
  private static final double TARGET_PER_REPLICA = 100;

  private final FakeCluster cluster = new FakeCluster(Duration.ofSeconds(90));
  private final TickOrchestrator orchestrator =
      new TickOrchestrator(
          cluster, mode -> cluster, RefitScheduler.inline(), () -> true, TickListener.none());
  private long second;

  @Test
  void theSamePolicyPublishedAgainKeepsTheChoiceAndAChangedOneRepicks() {
    Random noise = new Random(5);
    cluster.add("checkout", 3, t -> 800 + noise.nextGaussian() * 40);
    WorkloadPolicy policy = policy(40);
    orchestrator.applyPolicies(List.of(policy));
    runUntil(Duration.ofMinutes(150));
    String chosenAtTwoHours = detail();

    orchestrator.applyPolicies(List.of(policy(40)));
    runUntil(Duration.ofMinutes(151));

    assertThat(chosenAtTwoHours).contains("over 2.0 h replayed");
    assertThat(detail()).contains("over 2.0 h replayed");

    orchestrator.applyPolicies(List.of(policy(39)));
    runUntil(Duration.ofMinutes(152));

    assertThat(detail()).contains("over 2.5 h replayed");
  }

  @Test
  void theChoiceIsRemadeEveryRepickIntervalNotEveryModelRepick() {
    cluster.add("checkout", 3, t -> 800);
    orchestrator.applyPolicies(List.of(policy(40)));
    List<Instant> repicks = new ArrayList<>();
    String previous = null;
    for (; second < Duration.ofHours(7).getSeconds(); second += STEP.getSeconds()) {
      Instant now = T0.plusSeconds(second);
      cluster.now = now;
      cluster.sample(now);
      orchestrator.tick(now);
      String replayed = replayed(detail());
      if (replayed != null && !replayed.equals(previous)) {
        repicks.add(now);
        previous = replayed;
      }
    }

    assertThat(RiskChooser.REPICK_INTERVAL)
        .isLessThan(PolicyTranslation.forecastSettings(policy(40)).repickInterval());
    assertThat(repicks).hasSizeGreaterThanOrEqualTo(3);
    for (int i = 1; i < repicks.size(); i++) {
      assertThat(Duration.between(repicks.get(i - 1), repicks.get(i)))
          .isEqualTo(RiskChooser.REPICK_INTERVAL);
    }
  }

  /** The "over N h replayed" of a choice's rule, which each re-pick moves on. */
  private static String replayed(String detail) {
    Matcher m = Pattern.compile("over [0-9.]+ h replayed").matcher(detail);
    return m.find() ? m.group() : null;
  }

  private WorkloadPolicy policy(int maxReplicas) {
    return Policies.predictive("checkout", TARGET_PER_REPLICA, maxReplicas, STEP);
  }

  private void runUntil(Duration end) {
    for (; second < end.getSeconds(); second += STEP.getSeconds()) {
      Instant now = T0.plusSeconds(second);
      cluster.now = now;
      cluster.sample(now);
      orchestrator.tick(now);
    }
  }

  private String detail() {
    TickOutcome outcome = orchestrator.last(policy(40).target()).orElseThrow();
    return ((TickOutcome.Decided) outcome).summary().detail();
  }
}
