package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private static final List<String> FIELDS =
      List.of("horizon", "minReplicas", "maxReplicas", "stabilizationWindowSeconds", "mode");

  @Test
  void suggestsTheClosestFieldForATypo() {
    assertThat(Suggestions.closest("horizn", FIELDS)).contains("horizon");
    assertThat(Suggestions.closest("MinReplica", FIELDS)).contains("minReplicas");
  }

  @Test
  void suggestsAFieldTheWordIsAPrefixOf() {
    assertThat(Suggestions.closest("stabilizationWindow", FIELDS))
        .contains("stabilizationWindowSeconds");
  }

  @Test
  void suggestsNothingForAnUnrelatedWord() {
    assertThat(Suggestions.closest("colour", FIELDS)).isEmpty();
    assertThat(Suggestions.closest("md", FIELDS)).isEmpty();
  }

  @Test
  void distanceIsLevenshtein() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }
}
