package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrategyCoverTest {

  @Test
  void coversEveryPairOfArgumentValues() {
    Set<String> all = new HashSet<>();
    StrategyCover.fullProduct().forEach(c -> all.addAll(StrategyCover.pairs(c)));
    Set<String> covered = new HashSet<>();

    StrategyCover.pairwise().forEach(c -> covered.addAll(StrategyCover.pairs(c.values())));

    assertThat(covered).isEqualTo(all);
  }

  @Test
  void usesEveryValueOfEveryArgument() {
    List<StrategyCombination> cover = StrategyCover.pairwise();

    for (int i = 0; i < StrategyCombination.VALUES.size(); i++) {
      int argument = i;
      assertThat(cover.stream().map(c -> c.values().get(argument)))
          .containsAll(StrategyCombination.VALUES.get(argument));
    }
  }

  @Test
  void isFarSmallerThanTheFullProduct() {
    assertThat(StrategyCover.fullProduct()).hasSize(3840);
    assertThat(StrategyCover.pairwise()).hasSizeBetween(20, 40);
  }
}
