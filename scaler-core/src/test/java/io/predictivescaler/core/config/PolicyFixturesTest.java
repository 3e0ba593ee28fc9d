package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden fixtures in {@code src/test/resources/policies}: every {@code *.good.yaml} parses; every
 * {@code *.bad.yaml} is rejected with exactly the messages of its leading {@code # expect:} lines,
 * in order.
 */
class PolicyFixturesTest {

  private static final String EXPECT = "# expect: ";

  static Stream<String> goodFixtures() throws IOException {
    return fixtures(".good.yaml");
  }

  static Stream<String> badFixtures() throws IOException {
    return fixtures(".bad.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goodFixtures")
  void goodFixtureParses(String name) throws IOException {
    String yaml = read(name);

    ParseResult result = PolicyParser.parse(yaml);

    assertThat(result.messages()).as(name).isEmpty();
    assertThat(result.document()).isPresent();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFixtures")
  void badFixtureReportsExactlyItsExpectedErrors(String name) throws IOException {
    String yaml = read(name);
    List<String> expected =
        yaml.lines()
            .takeWhile(l -> l.startsWith(EXPECT))
            .map(l -> l.substring(EXPECT.length()))
            .toList();

    ParseResult result = PolicyParser.parse(yaml);

    assertThat(expected).as("%s has no '%s' lines", name, EXPECT).isNotEmpty();
    assertThat(result.isValid()).as(name).isFalse();
    assertThat(result.messages()).as(name).containsExactlyElementsOf(expected);
  }

  @Test
  void fixturesCoverAtLeastTwentyFiveBadCasesAndSeveralGoodOnes() throws IOException {
    assertThat(badFixtures().count()).isGreaterThanOrEqualTo(25);
    assertThat(goodFixtures().count()).isGreaterThanOrEqualTo(4);
  }

  private static Stream<String> fixtures(String suffix) throws IOException {
    try (Stream<Path> files = Files.list(directory())) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(suffix))
          .sorted()
          .toList()
          .stream();
    }
  }

  private static String read(String name) throws IOException {
    return Files.readString(directory().resolve(name), StandardCharsets.UTF_8);
  }

  private static Path directory() {
    try {
      return Path.of(
          Objects.requireNonNull(PolicyFixturesTest.class.getResource("/policies")).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
