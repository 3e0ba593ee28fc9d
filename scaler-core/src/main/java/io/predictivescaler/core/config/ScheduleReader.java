package io.predictivescaler.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.predictivescaler.core.schedule.CronExpression;
import io.predictivescaler.core.schedule.Schedule;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code schedules}: a list of {@code {name, start, end, timezone, minReplicas}}, KEDA's cron
 * trigger shape. A list given replaces the list in force; {@code []} clears it.
 */
final class ScheduleReader {

  /** A schedule's name shows in every reason and Event it causes; keep it short. */
  static final int MAX_NAME_LENGTH = 63;

  static final ZoneId DEFAULT_ZONE = ZoneId.of("UTC");

  private static final String CRON_SHAPE = "a cron expression like \"0 8 * * MON-FRI\"";
  private static final String ZONE_SHAPE = "an IANA time zone name like Europe/Berlin or UTC";
  private static final String USE_MIN_REPLICAS = "use minReplicas, the floor while active";

  private ScheduleReader() {}

  static Optional<List<Schedule>> read(FieldReader r, String name, List<Schedule> base) {
    Optional<ArrayNode> list = r.list(name);
    if (list.isEmpty()) {
      return Optional.empty();
    }
    int errorsBefore = r.errorCount();
    List<Schedule> schedules = new ArrayList<>();
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < list.get().size(); i++) {
      String path = r.path(name) + "[" + i + "]";
      JsonNode item = list.get().get(i);
      if (!item.isObject()) {
        r.errorAt(path, "must be a mapping, got " + FieldReader.describe(item, false));
        continue;
      }
      schedule(r.child((ObjectNode) item, path), i, firstIndex).ifPresent(schedules::add);
    }
    if (r.errorCount() > errorsBefore) {
      r.markInvalid(name);
      return Optional.empty();
    }
    return Optional.of(List.copyOf(schedules));
  }

  /** {@code schedules} as policies.yaml writes it, for status output. */
  static List<Map<String, Object>> yaml(List<Schedule> schedules) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Schedule s : schedules) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", s.name());
      entry.put("start", s.start().text());
      entry.put("end", s.end().text());
      entry.put("timezone", s.zone().getId());
      entry.put("minReplicas", s.minReplicas());
      out.add(entry);
    }
    return out;
  }

  private static Optional<Schedule> schedule(
      FieldReader s, int index, Map<String, Integer> firstIndex) {
    s.rejectUnknown(
        Set.of("name", "start", "end", "timezone", "minReplicas"),
        Map.of(
            "desiredReplicas", USE_MIN_REPLICAS,
            "targetReplicas", USE_MIN_REPLICAS,
            "timeZone", "the key is timezone"));
    s.require("name", "required");
    Optional<String> name = s.text("name", "a string").flatMap(n -> name(s, n, index, firstIndex));
    s.require("start", "required (" + CRON_SHAPE + ")");
    Optional<CronExpression> start = cron(s, "start");
    s.require("end", "required (" + CRON_SHAPE + ")");
    Optional<CronExpression> end = cron(s, "end");
    if (start.isPresent() && end.isPresent() && end.get().sameTimesAs(start.get())) {
      s.error(
          "end",
          "must fire at other times than start (the schedule would never be active), got \""
              + end.get()
              + "\"");
    }
    ZoneId zone = s.text("timezone", ZONE_SHAPE).flatMap(z -> zone(s, z)).orElse(DEFAULT_ZONE);
    s.require("minReplicas", "required");
    Optional<Integer> min = s.integer("minReplicas", n -> n >= 1, ">= 1");
    if (name.isEmpty() || start.isEmpty() || end.isEmpty() || min.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Schedule(name.get(), start.get(), end.get(), zone, min.get()));
  }

  private static Optional<String> name(
      FieldReader s, String name, int index, Map<String, Integer> firstIndex) {
    if (name.isBlank()) {
      s.error("name", "must not be empty");
      return Optional.empty();
    }
    if (name.length() > MAX_NAME_LENGTH) {
      s.error(
          "name",
          "must be at most " + MAX_NAME_LENGTH + " characters, got " + name.length() + ": " + name);
      return Optional.empty();
    }
    Integer first = firstIndex.putIfAbsent(name, index);
    if (first != null) {
      s.error("name", "duplicates schedules[" + first + "].name (" + name + ")");
      return Optional.empty();
    }
    return Optional.of(name);
  }

  private static Optional<CronExpression> cron(FieldReader s, String field) {
    return s.text(field, CRON_SHAPE)
        .flatMap(
            text -> {
              try {
                return Optional.of(CronExpression.parse(text));
              } catch (IllegalArgumentException e) {
                s.error(
                    field,
                    "invalid cron expression (" + e.getMessage() + "), got \"" + text + "\"");
                return Optional.empty();
              }
            });
  }

  private static Optional<ZoneId> zone(FieldReader s, String id) {
    Set<String> known = ZoneId.getAvailableZoneIds();
    if (known.contains(id)) {
      return Optional.of(ZoneId.of(id));
    }
    String hint = Suggestions.closest(id, known).map(z -> " (did you mean " + z + "?)").orElse("");
    s.error("timezone", "must be " + ZONE_SHAPE + ", got " + id + hint);
    return Optional.empty();
  }
}
