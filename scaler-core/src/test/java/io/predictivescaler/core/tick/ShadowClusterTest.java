package io.predictivescaler.core.tick;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShadowClusterTest {

  private static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final ShadowCluster shadow = new ShadowCluster();

  @Test
  void startsWithTheWorkloadsReplicasAndThenKeepsItsOwn() {
    assertThat(shadow.at(T0, 5)).isEqualTo(new ReplicaCounts(5, 5));
    assertThat(shadow.at(T0.plusSeconds(1), 9)).isEqualTo(new ReplicaCounts(5, 5));
  }

  @Test
  void aScaleUpIsReadyAfterTheStartUp() {
    shadow.at(T0, 2);
    shadow.scaleTo(T0, 5, STARTUP);

    assertThat(shadow.at(T0.plusSeconds(89), 0)).isEqualTo(new ReplicaCounts(5, 2));
    assertThat(shadow.at(T0.plusSeconds(90), 0)).isEqualTo(new ReplicaCounts(5, 5));
  }

  @Test
  void aScaleDownRemovesThePodsStillStartingFirst() {
    shadow.at(T0, 4);
    shadow.scaleTo(T0, 6, STARTUP);
    shadow.scaleTo(T0.plusSeconds(30), 9, STARTUP);

    shadow.scaleTo(T0.plusSeconds(45), 5, STARTUP);

    assertThat(shadow.at(T0.plusSeconds(45), 0)).isEqualTo(new ReplicaCounts(5, 4));
    assertThat(shadow.at(T0.plusSeconds(90), 0)).isEqualTo(new ReplicaCounts(5, 5));
    shadow.scaleTo(T0.plusSeconds(100), 2, STARTUP);
    assertThat(shadow.at(T0.plusSeconds(200), 0)).isEqualTo(new ReplicaCounts(2, 2));
  }

  @Test
  void mustStartBeforeItScales() {
    assertThatThrownBy(() -> shadow.scaleTo(T0, 3, STARTUP))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("call at() first");
  }
}
