package io.predictivescaler.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * Typed, error-collecting access to the fields of one YAML mapping. Each accessor returns the value
 * when present and valid, and otherwise records a {@link ConfigError} at the field's path and
 * returns empty, so a whole document is checked in one pass.
 */
final class FieldReader {

  static final String DURATION_SHAPE = "a duration like 15s, 10m or 1h30m";

  private final ObjectNode node;
  private final String path;
  private final List<ConfigError> errors;
  private final Set<String> valid = new HashSet<>();
  private final Set<String> invalid = new HashSet<>();

  FieldReader(ObjectNode node, String path, List<ConfigError> errors) {
    this.node = node;
    this.path = path;
    this.errors = errors;
  }

  String path() {
    return path;
  }

  String path(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  boolean has(String field) {
    return node.has(field);
  }

  boolean isNumber(String field) {
    return node.path(field).isNumber();
  }

  boolean isObject(String field) {
    return node.path(field).isObject();
  }

  int errorCount() {
    return errors.size();
  }

  /** True when the field is present and was read without error. */
  boolean isSet(String field) {
    return valid.contains(field) && !invalid.contains(field);
  }

  boolean isInvalid(String field) {
    return invalid.contains(field);
  }

  void error(String field, String message) {
    invalid.add(field);
    errors.add(new ConfigError(path(field), message));
  }

  /**
   * Marks a field whose nested values had errors (reported at their own paths), so that rules
   * between fields skip it.
   */
  void markInvalid(String field) {
    invalid.add(field);
  }

  /** Records an error at a full path, for list items that have no field name. */
  void errorAt(String fullPath, String message) {
    errors.add(new ConfigError(fullPath, message));
  }

  /** A reader for a nested mapping at {@code fullPath}, sharing this reader's errors. */
  FieldReader child(ObjectNode child, String fullPath) {
    return new FieldReader(child, fullPath, errors);
  }

  /**
   * Reports each field not in {@code allowed}; {@code hints} explain fields that belong elsewhere.
   */
  void rejectUnknown(Set<String> allowed, Map<String, String> hints) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (allowed.contains(name)) {
        continue;
      }
      String message =
          hints.containsKey(name)
              ? "unknown field here, " + hints.get(name)
              : Suggestions.closest(name, allowed)
                  .map(s -> "unknown field, did you mean " + s + "?")
                  .orElse("unknown field");
      error(name, message);
    }
  }

  void require(String field, String message) {
    if (!node.has(field)) {
      error(field, message);
    }
  }

  /** A duration of at least {@code min} ({@code > 0} when zero) and at most {@code max}. */
  Optional<Duration> duration(String field, Duration min, Optional<Duration> max) {
    return text(field, DURATION_SHAPE)
        .flatMap(
            t -> {
              Optional<Duration> d = GoDuration.parse(t);
              if (d.isEmpty()) {
                return fail(field, "must be " + DURATION_SHAPE + ", got " + t);
              }
              if (min.isZero() ? !PolicyRules.isPositive(d.get()) : d.get().compareTo(min) < 0) {
                String bound = min.isZero() ? "> 0" : ">= " + GoDuration.format(min);
                return fail(field, "must be " + bound + ", got " + t);
              }
              if (max.isPresent() && d.get().compareTo(max.get()) > 0) {
                return fail(field, "must be <= " + GoDuration.format(max.get()) + ", got " + t);
              }
              return ok(field, d.get());
            });
  }

  Optional<Integer> integer(String field, IntPredicate inRange, String range) {
    JsonNode v = node.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      return fail(field, "must be an integer, got " + describe(v, true));
    }
    if (!inRange.test(v.intValue())) {
      return fail(field, "must be " + range + ", got " + v.intValue());
    }
    return ok(field, v.intValue());
  }

  Optional<Double> number(String field, DoublePredicate inRange, String range) {
    JsonNode v = node.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isNumber() || !Double.isFinite(v.doubleValue())) {
      return fail(field, "must be a number, got " + describe(v, true));
    }
    if (!inRange.test(v.doubleValue())) {
      return fail(field, "must be " + range + ", got " + v.asText());
    }
    return ok(field, v.doubleValue());
  }

  Optional<Boolean> bool(String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      return fail(field, "must be true or false, got " + describe(v, true));
    }
    return ok(field, v.booleanValue());
  }

  /** A non-null scalar string; {@code shape} names what was expected in the type error. */
  Optional<String> text(String field, String shape) {
    JsonNode v = node.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isValueNode() || v.isNull() || v.isBoolean()) {
      return fail(field, "must be " + shape + ", got " + describe(v, false));
    }
    return ok(field, v.asText());
  }

  <E extends Enum<E>> Optional<E> oneOf(String field, E[] values, Function<E, String> yamlName) {
    List<String> names = Arrays.stream(values).map(yamlName).toList();
    String shape = "one of " + String.join(", ", names);
    return text(field, shape)
        .flatMap(
            t -> {
              int at = names.indexOf(t);
              if (at >= 0) {
                return ok(field, values[at]);
              }
              String hint =
                  Suggestions.closest(t, names).map(s -> " (did you mean " + s + "?)").orElse("");
              return fail(field, "must be " + shape + ", got " + t + hint);
            });
  }

  Optional<FieldReader> object(String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isObject()) {
      return fail(field, "must be a mapping, got " + describe(v, false));
    }
    valid.add(field);
    return Optional.of(new FieldReader((ObjectNode) v, path(field), errors));
  }

  Optional<ArrayNode> list(String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isArray()) {
      return fail(field, "must be a list, got " + describe(v, false));
    }
    return ok(field, (ArrayNode) v);
  }

  /** The value as an error message shows it: scalars as written, collections by their shape. */
  static String describe(JsonNode v, boolean quoteText) {
    if (v.isNull()) {
      return "an empty value";
    }
    if (v.isObject()) {
      return "a mapping";
    }
    if (v.isArray()) {
      return "a list";
    }
    if (v.isTextual() && (quoteText || v.asText().isEmpty())) {
      return '"' + v.asText() + '"';
    }
    return v.asText();
  }

  private <T> Optional<T> ok(String field, T value) {
    valid.add(field);
    return Optional.of(value);
  }

  private <T> Optional<T> fail(String field, String message) {
    error(field, message);
    return Optional.empty();
  }
}
