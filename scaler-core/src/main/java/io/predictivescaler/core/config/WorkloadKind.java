package io.predictivescaler.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API version and kind of a scale target, as in an HPA's {@code scaleTargetRef}: one of the
 * built-in apps/v1 kinds, or any kind whose API serves a {@code /scale} subresource (an Argo
 * Rollout). Two kinds are equal when their group and kind are: every version of a group serves the
 * same objects.
 */
public record WorkloadKind(String apiVersion, String kind) {

  /** A Kubernetes kind: CamelCase letters and digits. */
  static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");

  /**
   * {@code group/version} (the group a DNS-1123 subdomain, the version as Kubernetes names them:
   * {@code v1}, {@code v1alpha1}, {@code v2beta3}) or a core version such as {@code v1}.
   */
  static final Pattern API_VERSION =
      Pattern.compile(
          "((?=[^/]{1,253}/)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
              + "v[0-9]+((alpha|beta)[0-9]+)?");

  public static final WorkloadKind DEPLOYMENT = new WorkloadKind("apps/v1", "Deployment");
  public static final WorkloadKind STATEFUL_SET = new WorkloadKind("apps/v1", "StatefulSet");
  public static final WorkloadKind REPLICA_SET = new WorkloadKind("apps/v1", "ReplicaSet");

  /** The apps/v1 kinds with a scale subresource, which need no {@code apiVersion}. */
  public static final List<WorkloadKind> BUILT_IN = List.of(DEPLOYMENT, STATEFUL_SET, REPLICA_SET);

  public WorkloadKind {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(kind, "kind");
    if (!API_VERSION.matcher(apiVersion).matches()) {
      throw new IllegalArgumentException(
          "apiVersion must be group/version or a core version, got " + apiVersion);
    }
    if (!KIND.matcher(kind).matches()) {
      throw new IllegalArgumentException("kind must be CamelCase letters and digits, got " + kind);
    }
  }

  /** The built-in kind of that name, if it is one. */
  public static Optional<WorkloadKind> builtIn(String kind) {
    return BUILT_IN.stream().filter(k -> k.kind.equals(kind)).findFirst();
  }

  /** The API group, empty for the core group. */
  public String group() {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  public boolean isBuiltIn() {
    return BUILT_IN.stream().anyMatch(this::equals);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WorkloadKind that
        && group().equals(that.group())
        && kind.equals(that.kind);
  }

  @Override
  public int hashCode() {
    return Objects.hash(group(), kind);
  }

  /** {@code Deployment} for the built-in kinds, {@code Rollout.argoproj.io} for the others. */
  @Override
  public String toString() {
    String group = group();
    return isBuiltIn() || group.isEmpty() ? kind : kind + "." + group;
  }
}
