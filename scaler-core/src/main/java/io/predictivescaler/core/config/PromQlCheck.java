package io.predictivescaler.core.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * A light syntactic check of a PromQL expression, not a parser: the text must not be blank, its
 * string literals must be closed and its brackets, parentheses and braces balanced and properly
 * nested (outside strings and comments). Anything subtler is left to Prometheus, whose errors the
 * collector reports when it first queries.
 */
final class PromQlCheck {

  private PromQlCheck() {}

  /** What is wrong with {@code query}, or empty when it passes. */
  static Optional<String> problem(String query) {
    if (query.isBlank()) {
      return Optional.of("is empty");
    }
    Deque<Integer> open = new ArrayDeque<>();
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (c == '"' || c == '\'' || c == '`') {
        int end = endOfString(query, i);
        if (end < 0) {
          return Optional.of("unterminated string starting at column " + (i + 1));
        }
        i = end + 1;
        continue;
      }
      if (c == '#') {
        int newline = query.indexOf('\n', i);
        i = newline < 0 ? query.length() : newline + 1;
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        open.push(i);
      } else if (c == ')' || c == ']' || c == '}') {
        if (open.isEmpty()) {
          return Optional.of("unexpected '" + c + "' at column " + (i + 1));
        }
        int at = open.pop();
        char opener = query.charAt(at);
        if (closer(opener) != c) {
          return Optional.of(
              "'"
                  + opener
                  + "' at column "
                  + (at + 1)
                  + " closed by '"
                  + c
                  + "' at column "
                  + (i + 1));
        }
      }
      i++;
    }
    if (!open.isEmpty()) {
      int at = open.pop();
      return Optional.of("unclosed '" + query.charAt(at) + "' at column " + (at + 1));
    }
    return Optional.empty();
  }

  private static int endOfString(String query, int start) {
    char quote = query.charAt(start);
    for (int i = start + 1; i < query.length(); i++) {
      char c = query.charAt(i);
      if (c == '\\' && quote != '`') {
        i++;
      } else if (c == quote) {
        return i;
      } else if (c == '\n' && quote != '`') {
        return -1;
      }
    }
    return -1;
  }

  private static char closer(char opener) {
    return switch (opener) {
      case '(' -> ')';
      case '[' -> ']';
      default -> '}';
    };
  }
}
