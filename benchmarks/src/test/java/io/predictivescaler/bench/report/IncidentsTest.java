package io.predictivescaler.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentsTest {

  private static boolean[] flags(String pattern) {
    boolean[] flags = new boolean[pattern.length()];
    for (int i = 0; i < flags.length; i++) {
      flags[i] = pattern.charAt(i) == '#';
    }
    return flags;
  }

  @Test
  void worstEpisodeComesFirstAndTiesGoToTheEarlier() {
    boolean[] overloaded = flags("..##......###.......##......");

    List<Incident> worst = Incidents.worst(overloaded, 5, 1, 0, 0, 100);

    assertThat(worst).extracting(Incident::from).containsExactly(10, 2, 20);
    assertThat(worst.get(0).overloadedTicks()).isEqualTo(3);
  }

  @Test
  void closeEpisodesAreMergedIntoOneIncident() {
    boolean[] overloaded = flags("..##..#.............#.");

    List<Incident> worst = Incidents.worst(overloaded, 5, 3, 0, 0, 100);

    assertThat(worst).hasSize(2);
    assertThat(worst.get(0)).isEqualTo(new Incident(2, 6, 3, 2, 6));
  }

  @Test
  void keepsOnlyTheWorstAndWindowsStayInTheReplay() {
    boolean[] overloaded = flags("#....##....###....####");

    List<Incident> worst = Incidents.worst(overloaded, 2, 1, 3, 4, 100);

    assertThat(worst)
        .containsExactly(new Incident(18, 21, 4, 15, 21), new Incident(11, 13, 3, 8, 17));
  }

  @Test
  void aLongEpisodeIsShownFromItsStartWithinTheLongestWindow() {
    boolean[] overloaded = flags("......##.#.##.#.##.#.##......");

    List<Incident> worst = Incidents.worst(overloaded, 1, 2, 2, 2, 8);

    assertThat(worst).containsExactly(new Incident(6, 22, 11, 4, 11));
  }

  @Test
  void noOverloadNoIncidents() {
    assertThat(Incidents.worst(flags("......"), 5, 2, 1, 1, 100)).isEmpty();
  }
}
