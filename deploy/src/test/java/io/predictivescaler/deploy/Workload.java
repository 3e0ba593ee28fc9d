package io.predictivescaler.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** An object that runs containers, with its pod spec. */
public record Workload(String kind, String name, PodSpec podSpec) {

  private static final Set<String> LONG_RUNNING = Set.of("Deployment", "StatefulSet", "DaemonSet");

  public static List<Workload> of(List<HasMetadata> objects) {
    List<Workload> workloads = new ArrayList<>();
    for (HasMetadata object : objects) {
      PodSpec spec = podSpecOf(object);
      if (spec != null) {
        workloads.add(new Workload(object.getKind(), object.getMetadata().getName(), spec));
      }
    }
    return workloads;
  }

  private static PodSpec podSpecOf(HasMetadata object) {
    if (object instanceof Deployment d) {
      return d.getSpec().getTemplate().getSpec();
    } else if (object instanceof StatefulSet s) {
      return s.getSpec().getTemplate().getSpec();
    } else if (object instanceof DaemonSet d) {
      return d.getSpec().getTemplate().getSpec();
    } else if (object instanceof Job j) {
      return j.getSpec().getTemplate().getSpec();
    } else if (object instanceof CronJob c) {
      return c.getSpec().getJobTemplate().getSpec().getTemplate().getSpec();
    } else if (object instanceof Pod p) {
      return p.getSpec();
    }
    return null;
  }

  /** Kinds whose containers must have liveness and readiness probes (not Jobs). */
  public boolean needsProbes() {
    return LONG_RUNNING.contains(kind);
  }

  @Override
  public String toString() {
    return kind + "/" + name;
  }
}
