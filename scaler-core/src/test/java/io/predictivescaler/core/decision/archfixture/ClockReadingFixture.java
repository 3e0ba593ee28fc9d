package io.predictivescaler.core.decision.archfixture;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Reads the system clock every forbidden way, from inside a pure package, so that
 * PurePackagesArchitectureTest can show its rule fails. Test code only: never imported with the
 * production classes.
 */
public final class ClockReadingFixture {

  private ClockReadingFixture() {}

  public static long readEverything() {
    long sum = Instant.now().getEpochSecond();
    sum += System.currentTimeMillis();
    sum += System.nanoTime();
    sum += LocalDateTime.now().getSecond();
    sum += LocalDate.now().getDayOfYear();
    sum += ZonedDateTime.now().getSecond();
    sum += OffsetDateTime.now().getSecond();
    sum += Clock.systemUTC().millis();
    sum += Clock.systemDefaultZone().millis();
    return sum;
  }
}
