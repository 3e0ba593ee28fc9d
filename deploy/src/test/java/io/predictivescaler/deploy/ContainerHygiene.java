package io.predictivescaler.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The best-practices checks on one rendered workload, as readable findings. */
public final class ContainerHygiene {

  private static final Pattern PINNED =
      Pattern.compile(".*(@sha256:[a-f0-9]{64}|:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})$");

  private ContainerHygiene() {}

  public static List<String> findings(Workload workload) {
    List<String> findings = new ArrayList<>();
    List<Container> containers = new ArrayList<>(workload.podSpec().getContainers());
    containers.addAll(workload.podSpec().getInitContainers());
    PodSecurityContext pod = workload.podSpec().getSecurityContext();
    for (Container c : containers) {
      String at = workload + " container " + c.getName() + ": ";
      var resources = c.getResources();
      if (resources == null
          || !resources.getRequests().keySet().containsAll(List.of("cpu", "memory"))
          || !resources.getLimits().keySet().containsAll(List.of("cpu", "memory"))) {
        findings.add(at + "requests and limits for cpu and memory");
      }
      if (!PINNED.matcher(c.getImage()).matches() || c.getImage().endsWith(":latest")) {
        findings.add(at + "pinned image, got " + c.getImage());
      }
      SecurityContext security = c.getSecurityContext();
      Boolean nonRoot =
          security != null && security.getRunAsNonRoot() != null
              ? security.getRunAsNonRoot()
              : pod == null ? null : pod.getRunAsNonRoot();
      if (!Boolean.TRUE.equals(nonRoot)) {
        findings.add(at + "runAsNonRoot");
      }
      if (security == null
          || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())
          || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())
          || security.getCapabilities() == null
          || !security.getCapabilities().getDrop().contains("ALL")) {
        findings.add(
            at + "no privilege escalation, read-only root filesystem, drop ALL capabilities");
      }
    }
    if (workload.needsProbes()) {
      for (Container c : workload.podSpec().getContainers()) {
        if (c.getLivenessProbe() == null || c.getReadinessProbe() == null) {
          findings.add(workload + " container " + c.getName() + ": liveness and readiness probes");
        }
      }
    }
    return findings;
  }
}
