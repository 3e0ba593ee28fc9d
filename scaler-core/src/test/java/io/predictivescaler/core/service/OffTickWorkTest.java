package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Releases and the floor-restore sweep run beside the tick, in order, without piling up. */
class OffTickWorkTest {

  private final OffTickWork work = new OffTickWork();
  private final CountDownLatch apiAnswers = new CountDownLatch(1);
  private final CountDownLatch sweepEntered = new CountDownLatch(1);
  private final AtomicInteger sweeps = new AtomicInteger();
  private final Runnable hungSweep =
      () -> {
        sweeps.incrementAndGet();
        sweepEntered.countDown();
        awaitQuietly(apiAnswers);
      };

  @AfterEach
  void close() {
    apiAnswers.countDown();
    work.close();
  }

  @Test
  void askingForASweepReturnsAtOnceWhileTheApiHangs() throws Exception {
    work.executeUnlessQueued(hungSweep);
    assertThat(sweepEntered.await(30, TimeUnit.SECONDS)).isTrue();

    long before = System.nanoTime();
    work.executeUnlessQueued(hungSweep);
    work.execute(() -> {});
    long tookNanos = System.nanoTime() - before;

    assertThat(Duration.ofNanos(tookNanos)).isLessThan(Duration.ofSeconds(5));
    assertThat(apiAnswers.getCount()).isEqualTo(1);
  }

  @Test
  void aSweepAskedForWhileOneRunsIsNotQueuedAgain() throws Exception {
    work.executeUnlessQueued(hungSweep);
    assertThat(sweepEntered.await(30, TimeUnit.SECONDS)).isTrue();

    for (int i = 0; i < 10; i++) {
      work.executeUnlessQueued(hungSweep);
    }
    apiAnswers.countDown();
    CountDownLatch drained = new CountDownLatch(1);
    work.execute(drained::countDown);

    assertThat(drained.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(sweeps.get()).isEqualTo(1);
    work.executeUnlessQueued(hungSweep);
    await().atMost(Duration.ofSeconds(30)).until(() -> sweeps.get() == 2);
  }

  @Test
  void workRunsInTheOrderItWasHandedOverAndSurvivesAFailure() throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);

    work.execute(() -> ran.add("release checkout"));
    work.execute(
        () -> {
          throw new IllegalStateException("HTTP 500");
        });
    work.executeUnlessQueued(() -> ran.add("sweep"));
    work.execute(done::countDown);

    assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
    assertThat(ran).containsExactly("release checkout", "sweep");
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
