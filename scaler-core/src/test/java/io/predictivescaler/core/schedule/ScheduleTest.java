package io.predictivescaler.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * Active from the latest {@code start} firing until the next {@code end} firing, as KEDA's cron.
 */
class ScheduleTest {

  private static final ZoneId UTC = ZoneId.of("UTC");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void activeFromStartUntilEnd() {
    Schedule office = schedule("0 8 * * *", "0 18 * * *", UTC);

    assertThat(office.activeAt(at("2025-03-03T07:59:59Z"))).isFalse();
    assertThat(office.activeAt(at("2025-03-03T08:00:00Z"))).isTrue();
    assertThat(office.activeAt(at("2025-03-03T17:59:59Z"))).isTrue();
    assertThat(office.activeAt(at("2025-03-03T18:00:00Z"))).isFalse();
    assertThat(office.activeAt(at("2025-03-03T23:00:00Z"))).isFalse();
  }

  @Test
  void aScheduleCanSpanMidnight() {
    Schedule night = schedule("0 22 * * *", "0 6 * * *", UTC);

    assertThat(night.activeAt(at("2025-03-03T23:30:00Z"))).isTrue();
    assertThat(night.activeAt(at("2025-03-04T05:59:00Z"))).isTrue();
    assertThat(night.activeAt(at("2025-03-04T12:00:00Z"))).isFalse();
  }

  @Test
  void reportsTheStartFiringThatOpenedIt() {
    Schedule weekdays = schedule("0 8 * * MON-FRI", "0 18 * * MON-FRI", UTC);

    assertThat(weekdays.activeSince(at("2025-03-03T09:15:00Z")))
        .contains(LocalDateTime.parse("2025-03-03T08:00"));
    assertThat(weekdays.activeSince(at("2025-03-08T09:15:00Z"))).as("a Saturday").isEmpty();
  }

  @Test
  void endWinsWhenBothFireInTheSameMinute() {
    Schedule hourly = schedule("0 * * * *", "0 12 * * *", UTC);

    assertThat(hourly.activeAt(at("2025-03-03T11:30:00Z"))).isTrue();
    assertThat(hourly.activeAt(at("2025-03-03T12:00:00Z"))).isFalse();
    assertThat(hourly.activeAt(at("2025-03-03T12:59:00Z"))).isFalse();
    assertThat(hourly.activeAt(at("2025-03-03T13:00:00Z"))).isTrue();
  }

  @Test
  void anEndThatHasNotFiredSinceTheStartKeepsItActiveForDays() {
    Schedule sale = schedule("0 6 28 11 *", "0 0 1 12 *", UTC);

    assertThat(sale.activeAt(at("2025-11-27T23:00:00Z"))).isFalse();
    assertThat(sale.activeAt(at("2025-11-30T20:00:00Z"))).isTrue();
    assertThat(sale.activeAt(at("2025-12-01T00:00:00Z"))).isFalse();
  }

  @Test
  void readsTheWallClockOfItsTimeZone() {
    Schedule berlin = schedule("0 8 * * *", "0 18 * * *", BERLIN);

    // Berlin is UTC+1 in winter, UTC+2 in summer.
    assertThat(berlin.activeAt(at("2025-01-15T06:59:00Z"))).isFalse();
    assertThat(berlin.activeAt(at("2025-01-15T07:00:00Z"))).isTrue();
    assertThat(berlin.activeAt(at("2025-07-15T05:59:00Z"))).isFalse();
    assertThat(berlin.activeAt(at("2025-07-15T06:00:00Z"))).isTrue();
  }

  @Test
  void aStartSkippedWhenClocksGoForwardFiresAsTheClockJumpsPastIt() {
    // 2025-03-30: Berlin goes from 02:00 CET straight to 03:00 CEST, at 01:00 UTC.
    Schedule early = schedule("30 2 * * *", "0 5 * * *", BERLIN);

    assertThat(early.activeAt(at("2025-03-30T00:59:59Z"))).as("01:59:59 CET").isFalse();
    assertThat(early.activeSince(at("2025-03-30T01:00:00Z")))
        .as("03:00 CEST")
        .contains(LocalDateTime.parse("2025-03-30T02:30"));
    assertThat(early.activeAt(at("2025-03-30T02:59:00Z"))).as("04:59 CEST").isTrue();
    assertThat(early.activeAt(at("2025-03-30T03:00:00Z"))).as("05:00 CEST").isFalse();
    assertThat(early.activeAt(at("2025-03-29T01:30:00Z"))).as("the day before, 02:30 CET").isTrue();
  }

  @Test
  void aTimeInTheRepeatedHourFiresOnlyTheFirstTime() {
    // 2025-10-26: Berlin shows 02:00-02:59 twice, first CEST (00:00-00:59 UTC), then CET (01:00-
    // 01:59 UTC).
    Schedule short15 = schedule("30 2 * * *", "45 2 * * *", BERLIN);

    assertThat(short15.activeAt(at("2025-10-26T00:40:00Z"))).as("02:40 CEST").isTrue();
    assertThat(short15.activeAt(at("2025-10-26T00:50:00Z"))).as("02:50 CEST").isFalse();
    assertThat(short15.activeAt(at("2025-10-26T01:40:00Z"))).as("02:40 CET").isFalse();
  }

  @Test
  void aScheduleAcrossTheRepeatedHourHasNoHoleInIt() {
    Schedule across = schedule("30 2 * * *", "0 4 * * *", BERLIN);

    assertThat(across.activeAt(at("2025-10-26T00:30:00Z"))).as("02:30 CEST").isTrue();
    assertThat(across.activeAt(at("2025-10-26T01:10:00Z"))).as("02:10 CET").isTrue();
    assertThat(across.activeAt(at("2025-10-26T02:59:00Z"))).as("03:59 CET").isTrue();
    assertThat(across.activeAt(at("2025-10-26T03:00:00Z"))).as("04:00 CET").isFalse();
  }

  @Test
  void refusesAFloorBelowOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Schedule(
                    "zero",
                    CronExpression.parse("0 8 * * *"),
                    CronExpression.parse("0 9 * * *"),
                    UTC,
                    0))
        .withMessage("schedule zero: minReplicas must be >= 1, got 0");
  }

  private static Schedule schedule(String start, String end, ZoneId zone) {
    return new Schedule("test", CronExpression.parse(start), CronExpression.parse(end), zone, 5);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }
}
