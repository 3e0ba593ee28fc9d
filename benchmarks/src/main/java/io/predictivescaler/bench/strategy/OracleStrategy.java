package io.predictivescaler.bench.strategy;

import io.predictivescaler.bench.sim.Decision;
import io.predictivescaler.bench.sim.ScalingStrategy;
import io.predictivescaler.bench.sim.Scenario;
import io.predictivescaler.bench.sim.TickInput;

/**
 * Perfect foresight with the same start-up delay, at full capacity: the fewest replica-hours that
 * never overload (beyond what the initial replicas already cover, which is everything while no pod
 * can start).
 *
 * <p>With {@code n[i]} the replicas load needs at tick {@code i} and {@code D} the start-up delay
 * in ticks, the plan is {@code desired[i] = max(n[i], ..., n[min(i + D, last)])}.
 *
 * <p><b>Lower bound.</b> A pod Ready at tick {@code j} was asked for at tick {@code j - D} or
 * earlier (or is an initial pod, alive since tick 0), so it is counted in {@code replicas} at every
 * tick of {@code [max(0, j - D), j]}. If {@code ready[j] >= n[j] >= k} then {@code replicas >= k}
 * on that whole window. So any schedule without overload has {@code replicas[i] >= n[j]} for every
 * {@code j} in {@code [i, i + D]}, i.e. {@code replicas[i] >= desired[i]}, and costs at least
 * {@code sum(desired)}.
 *
 * <p><b>Achieved.</b> By construction {@code desired >= n[j]} on all of {@code [j - D, j]}. The
 * simulator adds pods in tick order and removes the newest first, so the {@code n[j]} oldest pods
 * present at tick {@code j - D} survive to {@code j}; they were asked for by tick {@code j - D} (or
 * are initial pods, which cover every tick before {@code D}) and are Ready at {@code j}. So {@code
 * ready[j] >= n[j]}: no overload, at exactly the lower bound.
 *
 * <p>Read per replica level {@code k} this is the gap rule: the k-th pod is kept through a gap in
 * which load needs fewer than {@code k} replicas when the gap is at most {@code D} ticks (keeping
 * costs the gap, restarting costs {@code D} ticks of a starting pod; on a tie it is kept, which
 * saves two scale events), and otherwise removed and asked for again {@code D} ticks before load
 * needs it.
 */
public final class OracleStrategy implements ScalingStrategy {

  /** Reason code of every oracle decision. */
  public static final String REASON = "PerfectForesight";

  private final int[] plan;

  public OracleStrategy(StrategyContext context) {
    this(context.scenario());
  }

  public OracleStrategy(Scenario scenario) {
    this.plan = plan(scenario);
  }

  @Override
  public Decision decide(TickInput tick) {
    return Decision.of(plan[tick.tick()], REASON);
  }

  /** The replicas at each tick: a sliding maximum of need over the next start-up delay. */
  public static int[] plan(Scenario scenario) {
    int n = scenario.ticks();
    int window = scenario.startupTicks();
    int[] need = new int[n];
    for (int i = 0; i < n; i++) {
      need[i] = scenario.neededReplicas(i);
    }
    int[] plan = new int[n];
    // Monotonic deque of tick indices whose need decreases from head to tail.
    int[] deque = new int[n];
    int head = 0;
    int tail = 0;
    int next = 0;
    for (int i = 0; i < n; i++) {
      int last = (int) Math.min((long) i + window, n - 1);
      for (; next <= last; next++) {
        while (tail > head && need[deque[tail - 1]] <= need[next]) {
          tail--;
        }
        deque[tail++] = next;
      }
      while (deque[head] < i) {
        head++;
      }
      plan[i] = need[deque[head]];
    }
    return plan;
  }
}
