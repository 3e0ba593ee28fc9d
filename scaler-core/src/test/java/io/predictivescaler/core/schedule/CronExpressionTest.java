package io.predictivescaler.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CronExpressionTest {

  /** A Monday. */
  private static final LocalDateTime MONDAY = LocalDateTime.parse("2025-03-03T00:00");

  @Test
  void stepsOverTheWholeRangeStartAtItsMinimum() {
    CronExpression cron = CronExpression.parse("*/15 * * * *");

    assertThat(minutesOfTheHour(cron)).containsExactly(0, 15, 30, 45);
  }

  @Test
  void aStepOnARangeStaysInsideIt() {
    CronExpression cron = CronExpression.parse("10-40/10 * * * *");

    assertThat(minutesOfTheHour(cron)).containsExactly(10, 20, 30, 40);
  }

  @Test
  void aStepFromAValueRunsToTheFieldsMaximum() {
    CronExpression cron = CronExpression.parse("50/4 * * * *");

    assertThat(minutesOfTheHour(cron)).containsExactly(50, 54, 58);
  }

  @Test
  void listsCombineValuesRangesAndSteps() {
    CronExpression cron = CronExpression.parse("1,5-7,55/2 * * * *");

    assertThat(minutesOfTheHour(cron)).containsExactly(1, 5, 6, 7, 55, 57, 59);
  }

  @Test
  void hoursRangesIncludeBothEnds() {
    CronExpression cron = CronExpression.parse("0 9-17 * * *");

    assertThat(cron.matches(MONDAY.withHour(8))).isFalse();
    assertThat(cron.matches(MONDAY.withHour(9))).isTrue();
    assertThat(cron.matches(MONDAY.withHour(17))).isTrue();
    assertThat(cron.matches(MONDAY.withHour(18))).isFalse();
    assertThat(cron.matches(MONDAY.withHour(9).withMinute(1))).isFalse();
  }

  @ParameterizedTest(name = "day-of-week {0}")
  @CsvSource({"0", "7", "SUN", "sun", "6-7", "0-1"})
  void sundayIsZeroSevenOrItsName(String dayOfWeek) {
    CronExpression cron = CronExpression.parse("0 0 * * " + dayOfWeek);

    assertThat(cron.matches(MONDAY.minusDays(1))).as("Sunday 2025-03-02").isTrue();
    assertThat(cron.matches(MONDAY.plusDays(2))).as("Wednesday").isFalse();
  }

  @Test
  void weekdayNamesFormRanges() {
    CronExpression cron = CronExpression.parse("0 8 * * MON-FRI");

    List<Integer> matching = new ArrayList<>();
    for (int day = 0; day < 7; day++) {
      if (cron.matches(MONDAY.plusDays(day).withHour(8))) {
        matching.add(MONDAY.plusDays(day).getDayOfWeek().getValue());
      }
    }
    assertThat(matching).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void monthNamesAreMonthsOneToTwelve() {
    CronExpression cron = CronExpression.parse("0 0 1 jan,Dec *");

    assertThat(cron.matches(LocalDateTime.parse("2025-01-01T00:00"))).isTrue();
    assertThat(cron.matches(LocalDateTime.parse("2025-12-01T00:00"))).isTrue();
    assertThat(cron.matches(LocalDateTime.parse("2025-02-01T00:00"))).isFalse();
  }

  @Test
  void restrictedDayOfMonthAndDayOfWeekMatchEitherOne() {
    CronExpression cron = CronExpression.parse("0 0 13 * FRI");

    assertThat(cron.matches(LocalDateTime.parse("2025-03-13T00:00"))).as("Thursday 13th").isTrue();
    assertThat(cron.matches(LocalDateTime.parse("2025-03-07T00:00"))).as("Friday 7th").isTrue();
    assertThat(cron.matches(LocalDateTime.parse("2025-03-12T00:00"))).as("Wednesday").isFalse();
  }

  @Test
  void aStarDayOfWeekLeavesTheDayOfMonthToDecide() {
    CronExpression cron = CronExpression.parse("0 0 13 * *");

    assertThat(cron.matches(LocalDateTime.parse("2025-03-13T00:00"))).isTrue();
    assertThat(cron.matches(LocalDateTime.parse("2025-03-07T00:00"))).isFalse();
  }

  @Test
  void aStarDayOfMonthLeavesTheDayOfWeekToDecide() {
    CronExpression cron = CronExpression.parse("0 0 * * FRI");

    assertThat(cron.matches(LocalDateTime.parse("2025-03-07T00:00"))).isTrue();
    assertThat(cron.matches(LocalDateTime.parse("2025-03-13T00:00"))).isFalse();
  }

  @Test
  void aSteppedDayOfMonthIsRestrictedSoTheDaysCombineWithOr() {
    CronExpression cron = CronExpression.parse("0 0 */10 * MON");

    assertThat(cron.matches(LocalDateTime.parse("2025-03-11T00:00"))).as("11th, Tuesday").isTrue();
    assertThat(cron.matches(LocalDateTime.parse("2025-03-03T00:00"))).as("Monday 3rd").isTrue();
    assertThat(cron.matches(LocalDateTime.parse("2025-03-04T00:00"))).isFalse();
  }

  @Test
  void latestFiringAtOrBeforeIncludesTheMinuteItself() {
    CronExpression cron = CronExpression.parse("30 8 * * *");

    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2025-03-03T08:30:59")))
        .contains(LocalDateTime.parse("2025-03-03T08:30"));
    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2025-03-03T08:29:59")))
        .contains(LocalDateTime.parse("2025-03-02T08:30"));
  }

  @Test
  void latestFiringTakesTheLatestHourAndMinuteOfTheDay() {
    CronExpression cron = CronExpression.parse("5,50 6,18 * * *");

    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2025-03-03T18:49")))
        .contains(LocalDateTime.parse("2025-03-03T18:05"));
    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2025-03-03T18:04")))
        .contains(LocalDateTime.parse("2025-03-03T06:50"));
    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2025-03-03T06:04")))
        .contains(LocalDateTime.parse("2025-03-02T18:50"));
  }

  @Test
  void latestFiringCrossesMonthsAndYears() {
    CronExpression cron = CronExpression.parse("0 12 31 * *");

    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2025-05-15T00:00")))
        .contains(LocalDateTime.parse("2025-03-31T12:00"));
    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2025-01-31T11:59")))
        .contains(LocalDateTime.parse("2024-12-31T12:00"));
  }

  @Test
  void februaryTwentyNinthIsFoundEightYearsBackAcross2100() {
    CronExpression cron = CronExpression.parse("0 0 29 2 *");

    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2104-02-28T00:00")))
        .contains(LocalDateTime.parse("2096-02-29T00:00"));
    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2025-06-01T00:00")))
        .contains(LocalDateTime.parse("2024-02-29T00:00"));
  }

  @Test
  void expressionsWrittenDifferentlyCanFireAtTheSameTimes() {
    CronExpression a = CronExpression.parse("0 8 * * 1-5");
    CronExpression b = CronExpression.parse("0   8 * * MON,TUE,WED-FRI");
    CronExpression c = CronExpression.parse("0 8 * * 1-6");

    assertThat(a.sameTimesAs(b)).isTrue();
    assertThat(a.sameTimesAs(c)).isFalse();
    assertThat(b.text()).isEqualTo("0 8 * * MON,TUE,WED-FRI");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                  | expected 5 fields (minute hour day-of-month month day-of-week), found 0",
        "0 8 * *             | expected 5 fields (minute hour day-of-month month day-of-week), found 4",
        "0 0 8 * * *         | expected 5 fields (minute hour day-of-month month day-of-week), found 6",
        "60 * * * *          | minute: 60 is out of range 0-59",
        "0 24 * * *          | hour: 24 is out of range 0-23",
        "0 0 0 * *           | day-of-month: 0 is out of range 1-31",
        "0 0 * 13 *          | month: 13 is out of range 1-12",
        "0 0 * * 8           | day-of-week: 8 is out of range 0-7",
        "*/0 * * * *         | minute: step 0 must be >= 1",
        "0 17-9 * * *        | hour: range 17-9 runs backwards",
        "0 0 * * FRI-MON     | day-of-week: range FRI-MON runs backwards",
        "1,,2 * * * *        | minute: empty list item",
        "0 0 ? * *           | day-of-month: \"?\" is not a value",
        "0 0 * * MONDAY      | day-of-week: \"MONDAY\" is not a value or name",
        "0 0 L * *           | day-of-month: \"L\" is not a value",
        "*/x * * * *         | minute: \"x\" is not a step",
        "-5 * * * *          | minute: \"-5\" is not a value",
        "0 0 30 FEB *        | never fires: none of its months has one of its days of the month",
        "0 0 31 4,6,9,11 *   | never fires: none of its months has one of its days of the month"
      })
  void rejectsWithTheFieldAndTheProblem(String text, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> CronExpression.parse(text))
        .withMessage(message);
  }

  @Test
  void aDayThatOnlySomeMonthsHaveIsAccepted() {
    CronExpression cron = CronExpression.parse("0 0 31 FEB,MAR *");

    assertThat(cron.latestAtOrBefore(LocalDateTime.parse("2025-03-30T00:00")))
        .contains(LocalDateTime.parse("2024-03-31T00:00"));
  }

  private static List<Integer> minutesOfTheHour(CronExpression cron) {
    List<Integer> minutes = new ArrayList<>();
    for (int m = 0; m < 60; m++) {
      if (cron.matches(MONDAY.withMinute(m))) {
        minutes.add(m);
      }
    }
    return minutes;
  }
}
