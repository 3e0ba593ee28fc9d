package io.predictivescaler.core.config;

import java.util.Objects;

/**
 * One row of a field table in docs/CONFIGURATION.md, as Markdown cells.
 *
 * @param field the field's path, usually {@code `name`}
 * @param type what is written
 * @param defaultValue the value when the field is left out
 * @param meaning what it does
 * @param validation what is accepted
 */
public record FieldDoc(
    String field, String type, String defaultValue, String meaning, String validation) {

  public FieldDoc {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(meaning, "meaning");
    Objects.requireNonNull(validation, "validation");
  }

  /** The row as Markdown: {@code | `step` | duration | `15s` | ... |}. */
  public String markdown() {
    return "| " + String.join(" | ", field, type, defaultValue, meaning, validation) + " |";
  }
}
