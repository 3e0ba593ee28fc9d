package io.predictivescaler.core.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.util.Optional;

/**
 * A standard five-field cron expression, {@code minute hour day-of-month month day-of-week}, as
 * crontab(5), robfig/cron (KEDA's cron trigger) and Kubernetes CronJobs read it. Each field is
 * {@code *}, a value, a range {@code a-b}, or a list of them, each with an optional step {@code /n}
 * ({@code a/n} runs from {@code a} to the field's maximum); months and days of the week may be
 * written {@code JAN}-{@code DEC} and {@code SUN}-{@code SAT}; day-of-week 0 and 7 are both Sunday.
 *
 * <p>Day-of-month and day-of-week: when either is {@code *}, a date must match both (so effectively
 * the other one); when both are restricted, a date matching either one matches, as in crontab(5)
 * ({@code 0 0 13 * FRI} fires on every 13th and every Friday).
 *
 * <p>Expressions match wall-clock times ({@link LocalDateTime}); {@link Schedule} maps instants to
 * the wall clock of its time zone. Immutable; reads no clock.
 */
public final class CronExpression {

  /**
   * How far back {@link #latestAtOrBefore} looks: eight years and a day, since the rarest date an
   * accepted expression can ask for, February 29, is eight years apart around 2100.
   */
  static final int MAX_SEARCH_DAYS = 8 * 366 + 1;

  private static final String SHAPE = "5 fields (minute hour day-of-month month day-of-week)";

  private final String text;
  private final CronField minute;
  private final CronField hour;
  private final CronField dayOfMonth;
  private final CronField month;
  private final CronField dayOfWeek;

  private CronExpression(String text, CronField[] fields) {
    this.text = text;
    this.minute = fields[0];
    this.hour = fields[1];
    this.dayOfMonth = fields[2];
    this.month = fields[3];
    this.dayOfWeek = fields[4];
  }

  /**
   * Parses an expression; fields are separated by spaces or tabs.
   *
   * @throws IllegalArgumentException saying which field is wrong and why, or that the expression
   *     never fires (such as {@code 0 0 30 FEB *})
   */
  public static CronExpression parse(String text) {
    String[] parts = text.strip().split("\\s+");
    if (text.isBlank() || parts.length != 5) {
      throw new IllegalArgumentException(
          "expected " + SHAPE + ", found " + (text.isBlank() ? 0 : parts.length));
    }
    CronField.Kind[] kinds = CronField.Kind.values();
    CronField[] fields = new CronField[5];
    for (int i = 0; i < 5; i++) {
      fields[i] = CronField.parse(parts[i], kinds[i]);
    }
    CronExpression cron = new CronExpression(String.join(" ", parts), fields);
    if (!cron.firesOnSomeDate()) {
      throw new IllegalArgumentException(
          "never fires: none of its months has one of its days of the month");
    }
    return cron;
  }

  /** Whether the expression fires at the minute of {@code wallClock} (seconds are ignored). */
  public boolean matches(LocalDateTime wallClock) {
    return matchesDate(wallClock.toLocalDate())
        && hour.allows(wallClock.getHour())
        && minute.allows(wallClock.getMinute());
  }

  /**
   * The latest minute at or before {@code wallClock} at which the expression fires, looking back at
   * most {@value #MAX_SEARCH_DAYS} days (every accepted expression fires within that span).
   */
  public Optional<LocalDateTime> latestAtOrBefore(LocalDateTime wallClock) {
    LocalDate day = wallClock.toLocalDate();
    int hourCap = wallClock.getHour();
    int minuteCap = wallClock.getMinute();
    for (int i = 0; i < MAX_SEARCH_DAYS; i++) {
      if (matchesDate(day)) {
        for (int h = hour.greatestAtMost(hourCap); h >= 0; h = nextLowerHour(h)) {
          int m = minute.greatestAtMost(h == hourCap ? minuteCap : 59);
          if (m >= 0) {
            return Optional.of(day.atTime(h, m));
          }
        }
      }
      day = day.minusDays(1);
      hourCap = 23;
      minuteCap = 59;
    }
    return Optional.empty();
  }

  /** Whether both expressions fire at exactly the same times, however they are written. */
  public boolean sameTimesAs(CronExpression other) {
    return minute.equals(other.minute)
        && hour.equals(other.hour)
        && month.equals(other.month)
        && sameDays(other);
  }

  /** The expression with its fields separated by single spaces. */
  public String text() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronExpression other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }

  private int nextLowerHour(int h) {
    return h == 0 ? -1 : hour.greatestAtMost(h - 1);
  }

  private boolean matchesDate(LocalDate date) {
    if (!month.allows(date.getMonthValue())) {
      return false;
    }
    boolean dom = dayOfMonth.allows(date.getDayOfMonth());
    boolean dow = dayOfWeek.allows(date.getDayOfWeek().getValue() % 7);
    return dayOfMonth.star() || dayOfWeek.star() ? dom && dow : dom || dow;
  }

  private boolean sameDays(CronExpression other) {
    boolean andRule = dayOfMonth.star() || dayOfWeek.star();
    boolean otherAndRule = other.dayOfMonth.star() || other.dayOfWeek.star();
    return andRule == otherAndRule
        && dayOfMonth.bits() == other.dayOfMonth.bits()
        && dayOfWeek.bits() == other.dayOfWeek.bits();
  }

  /**
   * Only a day-of-month restricted alone can rule out every date: when day-of-week is restricted
   * too, every month has each weekday.
   */
  private boolean firesOnSomeDate() {
    if (dayOfMonth.star() || !dayOfWeek.star()) {
      return true;
    }
    for (Month m : Month.values()) {
      if (month.allows(m.getValue()) && dayOfMonth.greatestAtMost(m.maxLength()) >= 1) {
        return true;
      }
    }
    return false;
  }
}
