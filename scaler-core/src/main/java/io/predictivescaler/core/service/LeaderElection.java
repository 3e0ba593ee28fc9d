package io.predictivescaler.core.service;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaderElectionRecord;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.Lock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lease-based leader election around fabric8's {@link LeaderElector}. Only the leader actuates: the
 * tick loop asks {@link #isLeader()} before every write. That flag also turns false on its own once
 * the lease has not been renewed for the renew deadline, even if the API is unreachable and no
 * callback arrives. After losing the lease the elector campaigns again as a follower. {@link
 * #close()} releases the lease so a follower takes over at once.
 */
public final class LeaderElection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  private final KubernetesClient client;
  private final LeaderElectionSettings settings;
  private final Runnable onStartLeading;
  private final Runnable onStopLeading;
  private final LongSupplier nanoTime;
  private final ExecutorService executor;
  private final AtomicBoolean leading = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong lastRenewNanos = new AtomicLong();
  private volatile CompletableFuture<?> running;

  /**
   * @param onStartLeading called when this replica becomes leader (on the election thread)
   * @param onStopLeading called when it stops leading, by loss or by {@link #close()}
   */
  public LeaderElection(
      KubernetesClient client,
      LeaderElectionSettings settings,
      Runnable onStartLeading,
      Runnable onStopLeading) {
    this(client, settings, onStartLeading, onStopLeading, System::nanoTime);
  }

  LeaderElection(
      KubernetesClient client,
      LeaderElectionSettings settings,
      Runnable onStartLeading,
      Runnable onStopLeading,
      LongSupplier nanoTime) {
    this.client = Objects.requireNonNull(client, "client");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.onStartLeading = Objects.requireNonNull(onStartLeading, "onStartLeading");
    this.onStopLeading = Objects.requireNonNull(onStopLeading, "onStopLeading");
    this.nanoTime = nanoTime;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "leader-election-" + settings.identity());
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Starts campaigning; returns at once. */
  public synchronized void start() {
    if (closed.get()) {
      throw new IllegalStateException("leader election for " + settings.identity() + " is closed");
    }
    if (running != null) {
      return;
    }
    campaign();
  }

  /**
   * True while this replica holds the lease and renewed it within the renew deadline. Cheap; the
   * actuators ask it immediately before every write. When it says yes the lease stays ours for at
   * least {@code leaseDuration - renewDeadline} (5 s by default), longer than one write request may
   * take ({@link ScalerClients#ACTUATION_REQUEST_TIMEOUT}), so a write it lets through lands before
   * another replica can take over.
   */
  public boolean isLeader() {
    return leading.get()
        && nanoTime.getAsLong() - lastRenewNanos.get() < settings.renewDeadline().toNanos();
  }

  /** This replica's identity on the Lease. */
  public String identity() {
    return settings.identity();
  }

  /** Stops campaigning and, if leading, releases the lease. Idempotent; waits for the release. */
  @Override
  public synchronized void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    CompletableFuture<?> current = running;
    if (current != null) {
      current.cancel(true); // fabric8 releases the lease synchronously on cancel (releaseOnCancel)
    }
    stoppedLeading();
    executor.shutdownNow();
  }

  private synchronized void campaign() {
    if (closed.get()) {
      return;
    }
    LeaderElector elector =
        new LeaderElector(
            client,
            new LeaderElectionConfigBuilder()
                .withName(settings.leaseName())
                .withLock(
                    new RenewTrackingLock(
                        new LeaseLock(
                            settings.leaseNamespace(), settings.leaseName(), settings.identity())))
                .withLeaseDuration(settings.leaseDuration())
                .withRenewDeadline(settings.renewDeadline())
                .withRetryPeriod(settings.retryPeriod())
                .withReleaseOnCancel()
                .withLeaderCallbacks(
                    new LeaderCallbacks(
                        this::startedLeading, this::stoppedLeading, this::newLeader))
                .build(),
            executor);
    CompletableFuture<?> future = elector.start();
    running = future;
    future.whenComplete(
        (ignored, error) -> {
          stoppedLeading();
          if (!closed.get()) {
            LOG.info(
                "lost the lease {}/{}; campaigning again as a follower",
                settings.leaseNamespace(),
                settings.leaseName());
            executor.execute(this::campaign);
          }
        });
  }

  private void startedLeading() {
    lastRenewNanos.set(nanoTime.getAsLong());
    if (leading.compareAndSet(false, true)) {
      LOG.info(
          "{} became leader of {}/{}",
          settings.identity(),
          settings.leaseNamespace(),
          settings.leaseName());
      onStartLeading.run();
    }
  }

  private void stoppedLeading() {
    if (leading.compareAndSet(true, false)) {
      LOG.info("{} stopped leading; actuation stops", settings.identity());
      onStopLeading.run();
    }
  }

  private void newLeader(String identity) {
    LOG.info(
        "leader of {}/{} is now {}", settings.leaseNamespace(), settings.leaseName(), identity);
  }

  /** Records when this replica last wrote the lease, the basis of {@link #isLeader()}. */
  private final class RenewTrackingLock implements Lock {
    private final Lock delegate;

    RenewTrackingLock(Lock delegate) {
      this.delegate = delegate;
    }

    @Override
    public LeaderElectionRecord get(KubernetesClient client) {
      return delegate.get(client);
    }

    @Override
    public void create(KubernetesClient client, LeaderElectionRecord record) {
      long before = nanoTime.getAsLong();
      delegate.create(client, record);
      renewed(record, before);
    }

    @Override
    public void update(KubernetesClient client, LeaderElectionRecord record) {
      long before = nanoTime.getAsLong();
      delegate.update(client, record);
      renewed(record, before);
    }

    @Override
    public String identity() {
      return delegate.identity();
    }

    @Override
    public String describe() {
      return delegate.describe();
    }

    private void renewed(LeaderElectionRecord record, long writtenAt) {
      if (identity().equals(record.getHolderIdentity())) {
        lastRenewNanos.set(writtenAt);
      }
    }
  }
}
