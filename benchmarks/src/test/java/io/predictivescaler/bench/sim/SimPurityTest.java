package io.predictivescaler.bench.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The simulator runs on virtual time only (docs/ARCHITECTURE.md §3): no clock reads in its sources.
 */
class SimPurityTest {

  private static final Pattern CLOCK_READ =
      Pattern.compile(
          "System\\.(currentTimeMillis|nanoTime)|\\b(Instant|LocalDateTime|OffsetDateTime|ZonedDateTime"
              + "|LocalDate|LocalTime)\\.now\\(|\\bClock\\b");

  @Test
  void simPackageReadsNoClock() throws IOException {
    Path sources = Path.of("src/main/java/io/predictivescaler/bench/sim");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }

    assertThat(files).isNotEmpty();
    for (Path file : files) {
      assertThat(CLOCK_READ.matcher(Files.readString(file)).find()).as(file.toString()).isFalse();
    }
  }
}
