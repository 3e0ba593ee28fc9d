package io.predictivescaler.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.function.Function;
import java.util.function.IntPredicate;

/**
 * One field that {@code defaults} and a workload may both set, declared once: its YAML name, its
 * built-in default, how it is read and bounded, and its rows in docs/CONFIGURATION.md. The parser,
 * {@link PolicySettings} and the documentation test all work from these declarations, listed in
 * {@link PolicyFields}. Rules between two fields are in {@link PolicyRules}.
 *
 * @param <T> the value's type
 */
public final class PolicyField<T> {

  /** Reads the field of one mapping over the value in force; reports its own errors. */
  @FunctionalInterface
  interface Reader<T> {
    Optional<T> read(FieldReader r, String name, T base);
  }

  /** What is wrong with a value built in code, as the parser would say it; empty when valid. */
  @FunctionalInterface
  interface Check<T> {
    Optional<String> problem(T value);
  }

  private final String name;
  private final T builtIn;
  private final Reader<T> reader;
  private final Check<T> check;
  private final Function<T, Object> yaml;
  private final List<FieldDoc> docs;

  private PolicyField(
      String name,
      T builtIn,
      Reader<T> reader,
      Check<T> check,
      Function<T, Object> yaml,
      List<FieldDoc> docs) {
    this.name = Objects.requireNonNull(name, "name");
    this.builtIn = Objects.requireNonNull(builtIn, "builtIn");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.check = Objects.requireNonNull(check, "check");
    this.yaml = Objects.requireNonNull(yaml, "yaml");
    this.docs = List.copyOf(docs);
    check
        .problem(builtIn)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(name + " built-in default: " + p);
            });
  }

  /**
   * A duration field.
   *
   * @param min the least value; zero means "> 0"
   * @param max the greatest value, if bounded
   */
  static PolicyField<Duration> duration(
      String name,
      Duration builtIn,
      Duration min,
      Optional<Duration> max,
      String meaning,
      String validation) {
    Check<Duration> check =
        d -> {
          String text = GoDuration.format(d);
          if (min.isZero() ? !PolicyRules.isPositive(d) : d.compareTo(min) < 0) {
            return Optional.of("must be " + lowerBound(min) + ", got " + text);
          }
          return max.filter(m -> d.compareTo(m) > 0)
              .map(m -> "must be <= " + GoDuration.format(m) + ", got " + text);
        };
    return new PolicyField<>(
        name,
        builtIn,
        (r, n, base) -> r.duration(n, min, max),
        check,
        GoDuration::format,
        List.of(doc(name, "duration", GoDuration.format(builtIn), meaning, validation)));
  }

  /** A number field within {@code range}, described as {@code rangeText} ("> 0.5 and < 1"). */
  static PolicyField<Double> number(
      String name,
      double builtIn,
      DoublePredicate range,
      String rangeText,
      String meaning,
      String validation) {
    return new PolicyField<>(
        name,
        builtIn,
        (r, n, base) -> r.number(n, range, rangeText),
        v -> range.test(v) ? Optional.empty() : Optional.of("must be " + rangeText + ", got " + v),
        v -> v,
        List.of(doc(name, "number", num(builtIn), meaning, validation)));
  }

  /** An integer field within {@code range}, described as {@code rangeText}. */
  static PolicyField<Integer> integer(
      String name,
      int builtIn,
      IntPredicate range,
      String rangeText,
      String meaning,
      String validation) {
    return new PolicyField<>(
        name,
        builtIn,
        (r, n, base) -> r.integer(n, range, rangeText),
        v -> range.test(v) ? Optional.empty() : Optional.of("must be " + rangeText + ", got " + v),
        v -> v,
        List.of(doc(name, "integer", Integer.toString(builtIn), meaning, validation)));
  }

  /** One of an enum's constants, written as {@code yamlName} says. */
  static <E extends Enum<E>> PolicyField<E> oneOf(
      String name,
      E[] values,
      Function<E, String> yamlName,
      E builtIn,
      String meaning,
      String validation) {
    return new PolicyField<>(
        name,
        builtIn,
        (r, n, base) -> r.oneOf(n, values, yamlName),
        v -> Optional.empty(),
        yamlName::apply,
        List.of(doc(name, "enum", yamlName.apply(builtIn), meaning, validation)));
  }

  /**
   * A field with its own reader and YAML form (strings, numbers, booleans, lists and maps of them);
   * its type's constructor holds its bounds.
   */
  static <T> PolicyField<T> custom(
      String name, T builtIn, Reader<T> reader, Function<T, Object> yaml, List<FieldDoc> docs) {
    return new PolicyField<>(name, builtIn, reader, v -> Optional.empty(), yaml, docs);
  }

  /** {@code `name`}, for the field column and cross references in validation text. */
  static String code(String text) {
    return "`" + text + "`";
  }

  public String name() {
    return name;
  }

  /** The value when neither {@code defaults} nor the workload sets the field. */
  public T builtIn() {
    return builtIn;
  }

  /** The field's rows in docs/CONFIGURATION.md, in order. */
  public List<FieldDoc> docs() {
    return docs;
  }

  /** The value as a policy would write it, for status output: {@code 15s}, {@code dry-run}. */
  public Object yaml(T value) {
    return yaml.apply(value);
  }

  Optional<T> read(FieldReader r, T base) {
    return reader.read(r, name, base);
  }

  /** The value, after checking it against the field's bounds. */
  T checked(T value) {
    Objects.requireNonNull(value, name);
    check
        .problem(value)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(name + ": " + p);
            });
    return value;
  }

  @Override
  public String toString() {
    return name;
  }

  private static FieldDoc doc(
      String name, String type, String builtIn, String meaning, String validation) {
    return new FieldDoc(code(name), type, code(builtIn), meaning, validation);
  }

  private static String lowerBound(Duration min) {
    return min.isZero() ? "> 0" : ">= " + GoDuration.format(min);
  }

  private static String num(double v) {
    return v == Math.rint(v) ? String.format("%.1f", v) : Double.toString(v);
  }
}
