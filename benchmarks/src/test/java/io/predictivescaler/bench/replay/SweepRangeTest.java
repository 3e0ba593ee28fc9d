package io.predictivescaler.bench.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SweepRangeTest {

  @Test
  void visitsBothEndsWithoutFloatingPointDrift() {
    SweepRange range = SweepRange.parse("0.6:0.95:0.05");

    assertThat(range.values()).containsExactly(0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95);
  }

  @Test
  void rejectsMalformedText() {
    assertThatThrownBy(() -> SweepRange.parse("0.6:0.9")).hasMessageContaining("from:to:step");
    assertThatThrownBy(() -> SweepRange.parse("0.6:x:0.1")).hasMessageContaining("'x'");
  }

  @Test
  void rejectsRangesOutsideZeroToOne() {
    assertThatThrownBy(() -> SweepRange.parse("0.9:0.5:0.1")).hasMessageContaining("0.5");
    assertThatThrownBy(() -> SweepRange.parse("0:0.5:0.1")).hasMessageContaining("(0, 1]");
    assertThatThrownBy(() -> SweepRange.parse("0.5:0.9:0")).hasMessageContaining("step");
  }
}
