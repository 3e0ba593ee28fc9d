package io.predictivescaler.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodStartupTimesTest {

  private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

  @Test
  void measuresFromCreationToReadyOldestPodFirst() {
    List<Pod> pods =
        List.of(
            pod("b", T0.plusSeconds(600), 70).build(),
            pod("a", T0, 40).build(),
            pod("c", T0.plusSeconds(1200), 100).build());

    List<Duration> startups = PodStartupTimes.of(pods, 20);

    assertThat(startups)
        .containsExactly(Duration.ofSeconds(40), Duration.ofSeconds(70), Duration.ofSeconds(100));
  }

  @Test
  void keepsTheNewestPodsUpToTheLimit() {
    List<Pod> pods = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      pods.add(pod("p" + i, T0.plusSeconds(60L * i), 10 + i).build());
    }

    List<Duration> startups = PodStartupTimes.of(pods, 2);

    assertThat(startups).containsExactly(Duration.ofSeconds(13), Duration.ofSeconds(14));
  }

  @Test
  void leavesOutPodsNotReadyRestartedOrBeingDeleted() {
    Pod notReady =
        pod("not-ready", T0, 40)
            .editStatus()
            .editFirstCondition()
            .withStatus("False")
            .endCondition()
            .endStatus()
            .build();
    Pod restarted =
        pod("restarted", T0, 400)
            .editStatus()
            .addToContainerStatuses(new ContainerStatusBuilder().withRestartCount(1).build())
            .endStatus()
            .build();
    Pod deleting =
        pod("deleting", T0, 40)
            .editMetadata()
            .withDeletionTimestamp(T0.toString())
            .endMetadata()
            .build();
    Pod counted =
        pod("counted", T0, 50)
            .editStatus()
            .addToContainerStatuses(new ContainerStatusBuilder().withRestartCount(0).build())
            .endStatus()
            .build();

    List<Duration> startups =
        PodStartupTimes.of(List.of(notReady, restarted, deleting, counted), 20);

    assertThat(startups).containsExactly(Duration.ofSeconds(50));
  }

  /** A pod created at {@code created} whose Ready condition turned True {@code seconds} later. */
  static PodBuilder pod(String name, Instant created, long seconds) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .withCreationTimestamp(created.toString())
        .endMetadata()
        .withNewStatus()
        .withPhase("Running")
        .addNewCondition()
        .withType("Ready")
        .withStatus("True")
        .withLastTransitionTime(created.plusSeconds(seconds).toString())
        .endCondition()
        .endStatus();
  }
}
