package io.predictivescaler.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of parsing a policy document: either the validated document or every error found,
 * never both. Bad input is reported here, never thrown.
 */
public record ParseResult(Optional<PolicyDocument> document, List<ConfigError> errors) {

  public ParseResult {
    Objects.requireNonNull(document, "document");
    errors = List.copyOf(errors);
    if (document.isPresent() == !errors.isEmpty()) {
      throw new IllegalArgumentException("exactly one of document or errors must be given");
    }
  }

  public static ParseResult valid(PolicyDocument document) {
    return new ParseResult(Optional.of(document), List.of());
  }

  public static ParseResult invalid(List<ConfigError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid result needs at least one error");
    }
    return new ParseResult(Optional.empty(), errors);
  }

  public boolean isValid() {
    return document.isPresent();
  }

  /** The errors rendered one per line, as logged and put in Events. */
  public List<String> messages() {
    return errors.stream().map(ConfigError::toString).toList();
  }
}
