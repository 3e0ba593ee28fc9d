package io.predictivescaler.collector.verticle;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one tick of one series, as published on the event bus: a value, or a gap with its
 * reason and a detail (the rejection reason or the error message).
 */
public record TickEvent(
    String seriesId, Instant slot, double value, Optional<GapReason> gap, String detail) {

  public TickEvent {
    Objects.requireNonNull(seriesId, "seriesId");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(gap, "gap");
    Objects.requireNonNull(detail, "detail");
  }

  public static TickEvent value(String seriesId, Instant slot, double value) {
    return new TickEvent(seriesId, slot, value, Optional.empty(), "");
  }

  public static TickEvent gap(String seriesId, Instant slot, GapReason reason, String detail) {
    return new TickEvent(seriesId, slot, Double.NaN, Optional.of(reason), detail);
  }

  public boolean isGap() {
    return gap.isPresent();
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("series", seriesId).put("slot", slot.toString());
    if (gap.isPresent()) {
      return json.put("gap", gap.get().name()).put("detail", detail);
    }
    return json.put("value", value);
  }

  public static TickEvent fromJson(JsonObject json) {
    String gapName = json.getString("gap");
    return new TickEvent(
        json.getString("series"),
        Instant.parse(json.getString("slot")),
        gapName == null ? json.getDouble("value") : Double.NaN,
        Optional.ofNullable(gapName).map(GapReason::valueOf),
        json.getString("detail", ""));
  }
}
