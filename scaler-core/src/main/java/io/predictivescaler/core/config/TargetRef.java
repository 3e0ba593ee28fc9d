package io.predictivescaler.core.config;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The workload a policy scales, as an HPA's {@code scaleTargetRef} names it: API version and kind,
 * namespace and name.
 */
public record TargetRef(WorkloadKind kind, String namespace, String name)
    implements Comparable<TargetRef> {

  /** DNS-1123 label, the shape of a namespace name. */
  public static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** DNS-1123 subdomain, the shape of a workload's name. */
  static final Pattern NAME =
      Pattern.compile(
          "(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private static final Comparator<TargetRef> ORDER =
      Comparator.comparing(TargetRef::namespace)
          .thenComparing(TargetRef::name)
          .thenComparing(t -> t.kind().toString());

  public TargetRef {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    if (!NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("namespace must be a DNS-1123 label, got " + namespace);
    }
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name must be a DNS-1123 subdomain, got " + name);
    }
  }

  public static TargetRef deployment(String namespace, String name) {
    return new TargetRef(WorkloadKind.DEPLOYMENT, namespace, name);
  }

  @Override
  public int compareTo(TargetRef other) {
    return ORDER.compare(this, other);
  }

  /** {@code Deployment shop/checkout}, {@code Rollout.argoproj.io shop/checkout}. */
  @Override
  public String toString() {
    return kind + " " + namespace + "/" + name;
  }
}
