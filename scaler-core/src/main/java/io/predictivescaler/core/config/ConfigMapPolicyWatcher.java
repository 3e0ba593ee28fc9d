package io.predictivescaler.core.config;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches ConfigMaps labelled {@code predictive-scaler.io/policy: "true"} and publishes the
 * effective {@link PolicySet} to a listener whenever it changes; the tick loop applies it on its
 * next tick. An invalid {@code policies.yaml} is rejected whole: the ConfigMap's last good document
 * stays in force, each error is logged on one line, a Warning Event {@code InvalidPolicy} is
 * recorded on the ConfigMap and {@code predictive_scaler_config_rejected_total} is incremented.
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
  public static final String REJECTED_METER = "predictive.scaler.config.rejected";
  public static final String ACCEPTED_METER = "predictive.scaler.config.accepted";

  private static final Logger LOG = LoggerFactory.getLogger(ConfigMapPolicyWatcher.class);

  private final KubernetesClient client;
  private final PolicyWatchOptions options;
  private final Consumer<PolicySet> listener;
  private final PolicyStore store;
  private final InvalidPolicyEvents events;
  private final Counter rejected;
  private final Counter accepted;
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
    this.store = new PolicyStore(options.controlNamespace());
    this.events = new InvalidPolicyEvents(client, clock);
    this.rejected =
        Counter.builder(REJECTED_METER)
            .description("Policy ConfigMap versions rejected as invalid; the last good one stays")
            .register(registry);
    this.accepted =
        Counter.builder(ACCEPTED_METER)
            .description("Policy ConfigMap versions accepted")
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
              ? List.of(new ConfigError("", "the ConfigMap has no key " + POLICY_KEY))
              : store.apply(ref, yaml);
      if (errors.isEmpty()) {
        accepted.increment();
        LOG.info("policy accepted configmap={}/{}", ref.namespace(), ref.name());
        retryPending();
        publish(false);
        return;
      }
    }
    rejected.increment();
    for (ConfigError error : errors) {
      LOG.warn(
          "policy rejected, last good kept configmap={}/{} error=\"{}\"",
          ref.namespace(),
          ref.name(),
          error);
    }
    events.emit(configMap, errors);
  }

  private void removed(ConfigMapRef ref) {
    handledVersions.remove(ref);
    if (store.remove(ref)) {
      LOG.info("policy removed configmap={}/{}", ref.namespace(), ref.name());
      retryPending();
      publish(false);
    }
  }

  private void retryPending() {
    for (ConfigMapRef ref : store.retryPending()) {
      accepted.increment();
      LOG.info(
          "policy accepted now that its conflict is gone configmap={}/{}",
          ref.namespace(),
          ref.name());
    }
  }

  private void publish(boolean force) {
    PolicySet now = store.current();
    if (!synced || (!force && now.equals(published))) {
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
