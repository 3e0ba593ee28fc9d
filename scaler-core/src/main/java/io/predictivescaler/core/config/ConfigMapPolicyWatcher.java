package io.predictivescaler.core.config;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches ConfigMaps labelled {@code predictive-scaler.io/policy: "true"} and publishes the
 * effective {@link PolicySet} to a listener whenever it changes; the tick loop applies it on its
 * next tick. An invalid {@code policies.yaml} is rejected whole: the ConfigMap's last good document
 * stays in force, each error is logged on one line, a Warning Event {@code InvalidPolicy} is
 * recorded on the ConfigMap and {@code
 * predictive_scaler_config_rejected_total{namespace,configmap}} is incremented ({@link
 * ConfigMapCounters}). Last good is kept in memory only: after a restart an invalid ConfigMap has
 * none; it still owns the workloads it names (as far as they can be read), so its Event says they
 * are unmanaged, and {@code predictive_scaler_config_unmanaged_workloads} counts them, while a
 * newer ConfigMap naming them stays shadowed. A workload defined in several ConfigMaps belongs to
 * the oldest ({@link PolicyStore}); each other definition gets a {@code ShadowedPolicy} Event and
 * counts in {@code predictive_scaler_config_shadowed_workloads}.
 *
 * <p>Informer callbacks run on fabric8's threads, which also make the blocking Event calls; the
 * listener is called on those threads too, so it must be quick and thread-safe (swapping an {@code
 * AtomicReference} is enough). Nothing here touches Vert.x.
 *
 * <pre>{@code
 * var watcher = new ConfigMapPolicyWatcher(client,
 *     PolicyWatchOptions.allNamespaces(Optional.of("predictive-scaler")),
 *     registry, Clock.systemUTC(), policies::set);
 * watcher.start().toCompletableFuture().join(); // the first set has been published
 * ...
 * watcher.close();
 * }</pre>
 */
public final class ConfigMapPolicyWatcher implements AutoCloseable {

  public static final String POLICY_LABEL = "predictive-scaler.io/policy";
  public static final String POLICY_KEY = "policies.yaml";

  /**
   * The error of a ConfigMap carrying the policy label without a {@value #POLICY_KEY} key, the same
   * at runtime, in {@code check-policy} and at admission.
   */
  public static final ConfigError MISSING_POLICY_KEY =
      new ConfigError("", "the ConfigMap has no key " + POLICY_KEY);

  public static final String REJECTED_METER = "predictive.scaler.config.rejected";
  public static final String ACCEPTED_METER = "predictive.scaler.config.accepted";
  public static final String SHADOWED_METER = "predictive.scaler.config.shadowed.workloads";
  public static final String UNMANAGED_WORKLOADS_METER =
      "predictive.scaler.config.unmanaged.workloads";
  public static final String UNMANAGED_CONFIGMAPS_METER =
      "predictive.scaler.config.unmanaged.configmaps";

  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapPolicyWatcher.class);

  private final KubernetesClient client;
  private final PolicyWatchOptions options;
  private final Consumer<PolicySet> listener;
  private final PolicyStore store;
  private final PolicyEvents events;
  private final ConfigMapCounters counters;
  private final AtomicInteger shadowedCount = new AtomicInteger();
  private final AtomicInteger unmanagedWorkloads = new AtomicInteger();
  private final AtomicInteger unmanagedConfigMaps = new AtomicInteger();
  private Set<PolicyStore.Shadowed> reportedShadowed = Set.of();
  private final List<SharedIndexInformer<ConfigMap>> informers = new ArrayList<>();
  private final Map<ConfigMapRef, String> handledVersions = new HashMap<>();
  private boolean synced;
  private volatile PolicySet published;

  public ConfigMapPolicyWatcher(
      KubernetesClient client,
      PolicyWatchOptions options,
      MeterRegistry registry,
      Clock clock,
      Consumer<PolicySet> listener) {
    this.client = Objects.requireNonNull(client, "client");
    this.options = Objects.requireNonNull(options, "options");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.store = new PolicyStore(options.controlNamespace(), options.prometheusTrustedNamespaces());
    this.events = new PolicyEvents(client, clock);
    this.counters = new ConfigMapCounters(registry);
    Gauge.builder(SHADOWED_METER, shadowedCount, AtomicInteger::get)
        .description("Workload definitions not in force because an older ConfigMap owns them")
        .register(registry);
    Gauge.builder(UNMANAGED_WORKLOADS_METER, unmanagedWorkloads, AtomicInteger::get)
        .description(
            "Workloads named by invalid ConfigMaps that have no last good policy since start")
        .register(registry);
    Gauge.builder(UNMANAGED_CONFIGMAPS_METER, unmanagedConfigMaps, AtomicInteger::get)
        .description("Invalid policy ConfigMaps with no last good policy since start")
        .register(registry);
  }

  /**
   * Starts one informer per watched namespace (or one for all). The stage completes once every
   * informer has listed its ConfigMaps and the resulting set has been published, even if empty; it
   * fails when an informer cannot start, for example when RBAC forbids listing ConfigMaps or the
   * API server is not reachable yet; the watcher is then stopped and {@code start()} may be called
   * again.
   */
  public synchronized CompletionStage<Void> start() {
    if (!informers.isEmpty()) {
      throw new IllegalStateException("already started");
    }
    List<SharedIndexInformer<ConfigMap>> attempt = new ArrayList<>();
    if (options.watchesAllNamespaces()) {
      attempt.add(
          client.configMaps().inAnyNamespace().withLabel(POLICY_LABEL, "true").runnableInformer(0));
    } else {
      for (String namespace : options.namespaces()) {
        attempt.add(
            client
                .configMaps()
                .inNamespace(namespace)
                .withLabel(POLICY_LABEL, "true")
                .runnableInformer(0));
      }
    }
    informers.addAll(attempt);
    CompletableFuture<?>[] started =
        attempt.stream()
            .map(i -> i.addEventHandler(new Handler(i)).start().toCompletableFuture())
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(started)
        .thenRun(this::onSynced)
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                stop(attempt);
              }
            });
  }

  /** The effective policies last published; empty before the first sync. */
  public PolicySet current() {
    PolicySet published = this.published;
    return published == null ? PolicySet.EMPTY : published;
  }

  @Override
  public synchronized void close() {
    List.copyOf(informers).forEach(SharedIndexInformer::stop);
    informers.clear();
  }

  private synchronized void stop(List<SharedIndexInformer<ConfigMap>> attempt) {
    informers.removeAll(attempt);
    attempt.forEach(SharedIndexInformer::stop);
  }

  /**
   * Handler notifications may lag the informers' caches, so the initial state is read from the
   * caches before the first publication.
   */
  private void onSynced() {
    List<SharedIndexInformer<ConfigMap>> all;
    synchronized (this) {
      all = List.copyOf(informers);
    }
    for (SharedIndexInformer<ConfigMap> informer : all) {
      informer.getStore().list().forEach(cm -> reconcile(informer, ref(cm)));
    }
    synchronized (this) {
      synced = true;
      publish(true);
    }
  }

  /**
   * Brings one ConfigMap's policies in line with the informer's cache, whatever event prompted it:
   * a stale or repeated event finds the version already handled and does nothing.
   */
  private void reconcile(SharedIndexInformer<ConfigMap> informer, ConfigMapRef ref) {
    ConfigMap configMap = informer.getStore().getByKey(ref.namespace() + "/" + ref.name());
    List<ConfigError> errors;
    boolean lastGoodKept;
    List<String> unmanaged;
    synchronized (this) {
      if (configMap == null) {
        removed(ref);
        return;
      }
      String version = configMap.getMetadata().getResourceVersion();
      if (version != null && version.equals(handledVersions.put(ref, version))) {
        return;
      }
      String yaml =
          Optional.ofNullable(configMap.getData()).map(d -> d.get(POLICY_KEY)).orElse(null);
      errors =
          yaml == null
              ? store.reject(ref, createdAt(configMap), MISSING_POLICY_KEY)
              : store.apply(ref, createdAt(configMap), yaml);
      if (errors.isEmpty()) {
        counters.accepted(ref);
        LOG.info("policy accepted configmap={}/{}", ref.namespace(), ref.name());
        publish(false);
        return;
      }
      lastGoodKept = store.hasLastGood(ref);
      unmanaged = store.unmanaged().getOrDefault(ref, List.of());
      counters.rejected(ref);
      // without a last good document the ConfigMap still claims its workloads: a newer one
      // defining them may just have lost them
      publish(false);
    }
    for (ConfigError error : errors) {
      LOG.warn(
          "policy rejected, {} configmap={}/{} error=\"{}\"",
          lastGoodKept ? "last good kept" : "no last good since start, its workloads are unmanaged",
          ref.namespace(),
          ref.name(),
          error);
    }
    events.invalid(configMap, errors, lastGoodKept, unmanaged);
  }

  private void removed(ConfigMapRef ref) {
    handledVersions.remove(ref);
    counters.forget(ref);
    if (store.remove(ref)) {
      LOG.info("policy removed configmap={}/{}", ref.namespace(), ref.name());
    }
    publish(false);
  }

  /**
   * Reports each workload definition newly shadowed by an older ConfigMap: one log line and a
   * {@code ShadowedPolicy} Event on the shadowed ConfigMap. Called with the lock held.
   */
  private void reportShadowed() {
    List<PolicyStore.Shadowed> now = store.shadowed();
    for (PolicyStore.Shadowed s : now) {
      if (reportedShadowed.contains(s)) {
        continue;
      }
      LOG.warn(
          "policy shadowed, an older ConfigMap owns the workload configmap={}/{} workload=\"{}\""
              + " owner={}/{}",
          s.configMap().namespace(),
          s.configMap().name(),
          s.target(),
          s.owner().namespace(),
          s.owner().name());
      cached(s.configMap()).ifPresent(cm -> events.shadowed(cm, s));
    }
    reportedShadowed = Set.copyOf(now);
  }

  private void updateGauges() {
    Map<ConfigMapRef, List<String>> unmanaged = store.unmanaged();
    shadowedCount.set(store.shadowed().size());
    unmanagedConfigMaps.set(unmanaged.size());
    unmanagedWorkloads.set(unmanaged.values().stream().mapToInt(List::size).sum());
  }

  private Optional<ConfigMap> cached(ConfigMapRef ref) {
    return informers.stream()
        .map(i -> i.getStore().getByKey(ref.namespace() + "/" + ref.name()))
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** When the ConfigMap was created; unknown ranks after every known time. */
  private static Instant createdAt(ConfigMap configMap) {
    String timestamp = configMap.getMetadata().getCreationTimestamp();
    if (timestamp == null) {
      return Instant.MAX;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return Instant.MAX;
    }
  }

  private void publish(boolean force) {
    updateGauges();
    if (!synced) {
      return;
    }
    reportShadowed();
    PolicySet now = store.current();
    if (!force && now.equals(published)) {
      return;
    }
    published = now;
    LOG.info("policies in force workloads={}", now.size());
    try {
      listener.accept(now);
    } catch (RuntimeException e) {
      LOG.error("policy listener failed; the new policies may not be applied", e);
    }
  }

  private static ConfigMapRef ref(ConfigMap configMap) {
    return new ConfigMapRef(
        configMap.getMetadata().getNamespace(), configMap.getMetadata().getName());
  }

  private final class Handler implements ResourceEventHandler<ConfigMap> {

    private final SharedIndexInformer<ConfigMap> informer;

    Handler(SharedIndexInformer<ConfigMap> informer) {
      this.informer = informer;
    }

    @Override
    public void onAdd(ConfigMap configMap) {
      reconcile(informer, ref(configMap));
    }

    @Override
    public void onUpdate(ConfigMap before, ConfigMap after) {
      reconcile(informer, ref(after));
    }

    @Override
    public void onDelete(ConfigMap configMap, boolean finalStateUnknown) {
      reconcile(informer, ref(configMap));
    }
  }
}
