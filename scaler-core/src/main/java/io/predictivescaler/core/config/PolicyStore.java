package io.predictivescaler.core.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The policy documents accepted per ConfigMap and the {@link PolicySet} they merge into. A document
 * is accepted whole or not at all: when it is invalid or names a workload outside its ConfigMap's
 * namespace, or has a PromQL query that cannot be confined to that namespace (see {@link
 * PromQlConfinement}), the ConfigMap's last good document stays in force. Last good lives in memory
 * only: after a restart, a ConfigMap that is invalid has none. It still claims the workloads whose
 * targets can be read from it (and that it may target), and those it owns are {@link #unmanaged()}
 * until it is fixed: a newer ConfigMap naming one of them does not take it over meanwhile.
 *
 * <p>When several ConfigMaps define or claim one workload, the oldest owns it, always: the earliest
 * {@code creationTimestamp}, then namespace, then name. The set in force depends only on which
 * documents are accepted and which are invalid, never on the order they arrived in; the other
 * definitions are {@link #shadowed()}. Thread-safe.
 */
public final class PolicyStore {

  /** A ConfigMap's workload definition that is not in force because an older ConfigMap owns it. */
  public record Shadowed(ConfigMapRef configMap, TargetRef target, ConfigMapRef owner) {}

  private final Optional<String> controlNamespace;
  private final Set<String> prometheusTrustedNamespaces;
  private final Map<ConfigMapRef, PolicyDocument> accepted = new TreeMap<>();
  private final Map<ConfigMapRef, Instant> created = new HashMap<>();
  private final Map<ConfigMapRef, List<TargetRef>> claims = new TreeMap<>();
  private Map<ConfigMapRef, List<String>> unmanaged = Map.of();
  private PolicySet current = PolicySet.EMPTY;
  private List<Shadowed> shadowed = List.of();

  /** A store that trusts no namespace's PromQL: every query is confined to its ConfigMap's. */
  public PolicyStore(Optional<String> controlNamespace) {
    this(controlNamespace, Set.of());
  }

  /**
   * @param controlNamespace the namespace whose ConfigMaps may target workloads in any namespace
   *     (predictive-scaler's own); ConfigMaps elsewhere may only target their own namespace
   * @param prometheusTrustedNamespaces namespaces whose ConfigMaps' PromQL runs as written; the
   *     queries of any other ConfigMap must be confinable to its namespace
   */
  public PolicyStore(Optional<String> controlNamespace, Set<String> prometheusTrustedNamespaces) {
    this.controlNamespace = Objects.requireNonNull(controlNamespace, "controlNamespace");
    this.prometheusTrustedNamespaces = Set.copyOf(prometheusTrustedNamespaces);
    controlNamespace.ifPresent(PolicyStore::requireNamespace);
    this.prometheusTrustedNamespaces.forEach(PolicyStore::requireNamespace);
  }

  private static void requireNamespace(String ns) {
    if (!TargetRef.NAMESPACE.matcher(ns).matches()) {
      throw new IllegalArgumentException("not a namespace name: " + ns);
    }
  }

  /**
   * Offers a new version of a ConfigMap's document, created at an unknown time: it ranks after
   * every ConfigMap whose creation time is known.
   */
  public List<ConfigError> apply(ConfigMapRef source, String yaml) {
    return apply(source, Instant.MAX, yaml);
  }

  /**
   * Offers a new version of a ConfigMap's document; returns its errors, empty when accepted.
   *
   * @param createdAt the ConfigMap's {@code creationTimestamp}, which decides ownership
   */
  public synchronized List<ConfigError> apply(ConfigMapRef source, Instant createdAt, String yaml) {
    created.put(source, Objects.requireNonNull(createdAt, "createdAt"));
    List<ConfigError> errors = validate(source, yaml);
    if (!errors.isEmpty()) {
      if (!accepted.containsKey(source)) {
        claims.put(
            source,
            UnmanagedTargets.targets(yaml, source.namespace()).stream()
                .filter(target -> mayTarget(source, target))
                .toList());
        merge();
      }
      return errors;
    }
    claims.remove(source);
    accepted.put(source, PolicyParser.parse(yaml, source.namespace()).document().orElseThrow());
    merge();
    return List.of();
  }

  /**
   * Records a version of a ConfigMap rejected before its document could be read (no {@code
   * policies.yaml} key, say): its last good document, if any, stays in force.
   */
  public synchronized List<ConfigError> reject(
      ConfigMapRef source, Instant createdAt, ConfigError error) {
    created.put(source, Objects.requireNonNull(createdAt, "createdAt"));
    if (!accepted.containsKey(source)) {
      claims.put(source, List.of());
      merge();
    }
    return List.of(error);
  }

  /**
   * What the service says of one ConfigMap's document on its own, whatever other ConfigMaps hold:
   * the parser's errors, or the targets outside the namespaces it may scale and the queries that
   * cannot be confined to its namespace. Empty when valid.
   */
  public List<ConfigError> validate(ConfigMapRef source, String yaml) {
    ParseResult result = PolicyParser.parse(yaml, source.namespace());
    if (!result.isValid()) {
      return result.errors();
    }
    List<ConfigError> errors = new ArrayList<>();
    List<WorkloadPolicy> workloads = result.document().orElseThrow().workloads();
    for (int i = 0; i < workloads.size(); i++) {
      TargetRef target = workloads.get(i).target();
      if (!mayTarget(source, target)) {
        errors.add(
            new ConfigError(
                "workloads[" + i + "].target.namespace", namespaceRule(source, target)));
      }
    }
    errors.addAll(PromQlConfinement.check(source, workloads, prometheusTrustedNamespaces));
    return errors;
  }

  /** Forgets a deleted ConfigMap; returns whether the effective policies changed. */
  public synchronized boolean remove(ConfigMapRef source) {
    created.remove(source);
    boolean claimed = claims.remove(source) != null;
    boolean wasAccepted = accepted.remove(source) != null;
    if (!claimed && !wasAccepted) {
      return false;
    }
    PolicySet before = current;
    merge();
    return !current.equals(before);
  }

  /** Whether a document of this ConfigMap is in force (its last good one, if it is now invalid). */
  public synchronized boolean hasLastGood(ConfigMapRef source) {
    return accepted.containsKey(source);
  }

  public synchronized PolicySet current() {
    return current;
  }

  /** Workload definitions not in force because an older ConfigMap defines the same workload. */
  public synchronized List<Shadowed> shadowed() {
    return shadowed;
  }

  /**
   * ConfigMaps that are invalid and have no last good document (never valid since this process
   * started), with the workloads they own and so leave unmanaged, as far as they can be read, for
   * example {@code Deployment shop/checkout}.
   */
  public synchronized Map<ConfigMapRef, List<String>> unmanaged() {
    return unmanaged;
  }

  private Comparator<ConfigMapRef> age() {
    return Comparator.<ConfigMapRef, Instant>comparing(
            ref -> created.getOrDefault(ref, Instant.MAX))
        .thenComparing(Comparator.naturalOrder());
  }

  private boolean mayTarget(ConfigMapRef source, TargetRef target) {
    return target.namespace().equals(source.namespace())
        || controlNamespace.filter(source.namespace()::equals).isPresent();
  }

  private String namespaceRule(ConfigMapRef source, TargetRef target) {
    String unless = controlNamespace.map(ns -> " unless the ConfigMap is in " + ns).orElse("");
    return "must be the ConfigMap's namespace ("
        + source.namespace()
        + ")"
        + unless
        + ", got "
        + target.namespace();
  }

  /**
   * Oldest first, so the first definition or claim of a workload seen is its owner's. A workload
   * owned by an invalid ConfigMap's claim has no policy in force: it is unmanaged, and newer
   * definitions of it stay shadowed.
   */
  private void merge() {
    Map<TargetRef, WorkloadPolicy> workloads = new HashMap<>();
    Map<TargetRef, ConfigMapRef> sources = new HashMap<>();
    Map<TargetRef, ConfigMapRef> owners = new HashMap<>();
    Map<ConfigMapRef, List<String>> unowned = new TreeMap<>();
    List<Shadowed> losers = new ArrayList<>();
    Set<ConfigMapRef> all = new TreeSet<>(accepted.keySet());
    all.addAll(claims.keySet());
    for (ConfigMapRef ref : all.stream().sorted(age()).toList()) {
      PolicyDocument document = accepted.get(ref);
      if (document == null) {
        List<String> owned = new ArrayList<>();
        for (TargetRef target : claims.get(ref)) {
          if (owners.putIfAbsent(target, ref) == null) {
            owned.add(target.toString());
          }
        }
        unowned.put(ref, List.copyOf(owned));
        continue;
      }
      for (WorkloadPolicy w : document.workloads()) {
        ConfigMapRef owner = owners.putIfAbsent(w.target(), ref);
        if (owner == null) {
          workloads.put(w.target(), w);
          sources.put(w.target(), ref);
        } else {
          losers.add(new Shadowed(ref, w.target(), owner));
        }
      }
    }
    current = new PolicySet(workloads, sources);
    shadowed = List.copyOf(losers);
    unmanaged = Collections.unmodifiableMap(unowned);
  }
}
