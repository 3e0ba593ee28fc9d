package io.predictivescaler.core.decision;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random policies and load series for the property tests, reproducible from one seed. */
final class RandomWorkload {

  static final double TARGET = 100;

  final ScalingPolicy policy;
  final long[] atMillis;
  final double[] load;
  final double[] forecastPeak;
  final int initialReplicas;

  RandomWorkload(long seed, int ticks, boolean burst) {
    Random random = new Random(seed);
    int min = random.nextInt(4);
    int max = min + 1 + random.nextInt(40);
    Tolerance tolerance = new Tolerance(random.nextDouble() * 0.3, random.nextDouble() * 0.3);
    Behavior behavior =
        new Behavior(
            rules(random, new int[] {0, 0, 30, 60, 180}),
            rules(random, new int[] {0, 60, 300, 300}));
    Burst burstOption =
        burst && random.nextBoolean()
            ? Burst.enabled(1 + random.nextDouble() * 2)
            : Burst.disabled();
    policy = new ScalingPolicy(min, max, tolerance, behavior, burstOption);
    initialReplicas = Math.max(min, Math.min(max, 1 + random.nextInt(max)));
    atMillis = new long[ticks];
    load = new double[ticks];
    forecastPeak = new double[ticks];
    double level = TARGET * initialReplicas;
    long at = 0;
    for (int i = 0; i < ticks; i++) {
      at += 1000L * (random.nextInt(10) == 0 ? 1 + random.nextInt(60) : 15);
      atMillis[i] = at;
      level = Math.max(0, level * (0.6 + random.nextDouble() * 0.8) + random.nextGaussian() * 50);
      load[i] = random.nextInt(20) == 0 ? level * 4 : level;
      forecastPeak[i] = level * (0.5 + random.nextDouble() * 1.5);
    }
  }

  private static ScalingRules rules(Random random, int[] windows) {
    int window = windows[random.nextInt(windows.length)];
    int[] periods = {15, 15, 30, 60, 120};
    List<RatePolicy> policies = new ArrayList<>();
    int count = 1 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      Duration period = Duration.ofSeconds(periods[random.nextInt(periods.length)]);
      policies.add(
          random.nextBoolean()
              ? RatePolicy.pods(1 + random.nextInt(10), period)
              : RatePolicy.percent(10 + random.nextInt(200), period));
    }
    int select = random.nextInt(10);
    SelectPolicy selectPolicy =
        select < 6 ? SelectPolicy.MAX : select < 9 ? SelectPolicy.MIN : SelectPolicy.DISABLED;
    return new ScalingRules(Duration.ofSeconds(window), selectPolicy, policies);
  }
}
