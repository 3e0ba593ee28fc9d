package io.predictivescaler.collector.prometheus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Confines a tenant's PromQL to one namespace, as prom-label-proxy does: every vector and matrix
 * selector gets a {@code namespace="<ns>"} matcher ({@code metric} becomes {@code
 * metric{namespace="ns"}}, {@code metric{job="a"}[5m]} becomes {@code
 * metric{namespace="ns",job="a"}[5m]}, {@code {__name__="m"}} becomes {@code
 * {namespace="ns",__name__="m"}}). A selector that already says {@code namespace="ns"} is left as
 * it is; one that says {@code namespace="other"} is a problem, never silently rewritten.
 *
 * <p>A small tokenizer, not a parser: it knows strings (with escapes, so quotes and braces inside
 * them are text), comments, numbers and durations, keywords, function calls (a name followed by
 * {@code (}), the label lists of {@code by}, {@code without}, {@code on}, {@code ignoring}, {@code
 * group_left} and {@code group_right}, and selector braces. Everything else is copied unchanged.
 * Pure: no I/O, no clock.
 */
public final class NamespaceMatcherInjector {

  public static final String LABEL = "namespace";

  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** Aggregation operators, which may be followed by {@code by (...)} before their argument. */
  private static final Set<String> AGGREGATIONS =
      words(
          "sum avg count min max group stddev stdvar topk bottomk "
              + "count_values quantile limitk limit_ratio");

  /**
   * Keywords that Prometheus also accepts as metric names ({@code sum} alone selects the metric
   * {@code sum}): operators where an operator is expected, metric names where an operand is.
   */
  private static final Set<String> KEYWORDS =
      union(
          AGGREGATIONS,
          words("and or unless offset by without start end step range anchored smoothed"));

  /** Keywords that are never metric names. */
  private static final Set<String> NEVER_METRICS =
      Set.of("bool", "atan2", "on", "ignoring", "group_left", "group_right", "inf", "nan");

  /** Keywords followed by a parenthesised list of label names, not of expressions. */
  private static final Set<String> LABEL_LISTS =
      Set.of("by", "without", "on", "ignoring", "group_left", "group_right");

  /** Modifiers written after a selector; an operator is still expected after them. */
  private static final Set<String> POSTFIX = Set.of("anchored", "smoothed");

  private NamespaceMatcherInjector() {}

  private static Set<String> words(String spaced) {
    return Set.of(spaced.split(" "));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /** What keeps {@code promql} from being confined to {@code namespace}, or empty. */
  public static Optional<String> problem(String promql, String namespace) {
    try {
      new Scan(promql, checked(namespace)).run();
      return Optional.empty();
    } catch (Unconfinable e) {
      return Optional.of(e.getMessage());
    }
  }

  /**
   * {@code promql} with a {@code namespace} matcher in every selector.
   *
   * @throws IllegalArgumentException when {@link #problem} is not empty; check it first
   */
  public static String confine(String promql, String namespace) {
    try {
      return new Scan(promql, checked(namespace)).run();
    } catch (Unconfinable e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static String checked(String namespace) {
    if (namespace == null || !NAMESPACE.matcher(namespace).matches()) {
      throw new IllegalArgumentException("namespace must be a DNS-1123 label, got " + namespace);
    }
    return namespace;
  }

  /** Why a query cannot be confined; its message is for the policy's author. */
  private static final class Unconfinable extends Exception {
    private static final long serialVersionUID = 1L;

    Unconfinable(String message) {
      super(message, null, false, false);
    }
  }

  /** One pass over one query, collecting insertions and copying the rest. */
  private static final class Scan {
    private final String q;
    private final String namespace;
    private final String matcher;
    private final List<Integer> insertAt = new ArrayList<>();
    private final List<String> insertText = new ArrayList<>();
    private boolean expectOperand = true;
    private int bracketDepth;

    Scan(String q, String namespace) {
      this.q = q;
      this.namespace = namespace;
      this.matcher = LABEL + "=\"" + namespace + "\"";
    }

    String run() throws Unconfinable {
      int i = 0;
      while (i < q.length()) {
        char c = q.charAt(i);
        if (isQuote(c)) {
          i = endOfString(i) + 1;
          expectOperand = false;
        } else if (c == '#') {
          int newline = q.indexOf('\n', i);
          i = newline < 0 ? q.length() : newline + 1;
        } else if (isDigit(c) || (c == '.' && i + 1 < q.length() && isDigit(q.charAt(i + 1)))) {
          i = endOfNumber(i);
          expectOperand = false;
        } else if (isNameStart(c) && !(c == ':' && bracketDepth > 0)) {
          i = name(i);
        } else if (c == '{') {
          i = selector(i, false);
          expectOperand = false;
        } else {
          if (c == '[') {
            bracketDepth++;
          } else if (c == ']') {
            bracketDepth = Math.max(0, bracketDepth - 1);
          }
          if (!Character.isWhitespace(c)) {
            expectOperand = !(c == ')' || c == ']' || c == '}');
          }
          i++;
        }
      }
      return assemble();
    }

    /**
     * A word: a function or aggregation (followed by {@code (}), a label list keyword, an operator
     * keyword where an operator is expected, else a metric name, whose selector gets the matcher.
     */
    private int name(int start) throws Unconfinable {
      int end = start;
      while (end < q.length() && isNameChar(q.charAt(end))) {
        end++;
      }
      String word = q.substring(start, end).toLowerCase(Locale.ROOT);
      int next = skipSpace(end);
      char after = next < q.length() ? q.charAt(next) : 0;
      if (LABEL_LISTS.contains(word) && after == '(') {
        expectOperand = !(word.equals("by") || word.equals("without"));
        return closing(next, '(', ')') + 1;
      }
      if (after == '(') {
        return end; // a call: the '(' that follows expects an operand
      }
      if (AGGREGATIONS.contains(word) && expectOperand && LABEL_LISTS.contains(wordAt(next))) {
        return end; // sum by (job) (...)
      }
      if (NEVER_METRICS.contains(word)) {
        expectOperand = !(word.equals("inf") || word.equals("nan"));
        return end;
      }
      if (!expectOperand && KEYWORDS.contains(word)) {
        expectOperand = !POSTFIX.contains(word);
        return end;
      }
      expectOperand = false;
      if (after == '{') {
        return selector(next, true);
      }
      insert(end, "{" + matcher + "}");
      return end;
    }

    /** The lower-case word starting at {@code from}, or an empty string. */
    private String wordAt(int from) {
      int end = from;
      while (end < q.length() && isNameChar(q.charAt(end))) {
        end++;
      }
      return q.substring(from, end).toLowerCase(Locale.ROOT);
    }

    /** The braces of a selector at {@code open}; returns the index after its {@code '}'}. */
    private int selector(int open, boolean named) throws Unconfinable {
      int i = open + 1;
      boolean hasName = named;
      boolean hasMatchers = false;
      boolean confined = false;
      while (true) {
        i = skipSpace(i);
        if (i >= q.length()) {
          throw new Unconfinable("unclosed '{' at column " + (open + 1));
        }
        if (q.charAt(i) == '}') {
          break;
        }
        int labelStart = i;
        String label;
        if (isQuote(q.charAt(i))) {
          int end = endOfString(i);
          label = unquote(i, end);
          i = end + 1;
        } else if (isNameStart(q.charAt(i))) {
          while (i < q.length() && isNameChar(q.charAt(i))) {
            i++;
          }
          label = q.substring(labelStart, i);
        } else {
          throw new Unconfinable(
              "unexpected '" + q.charAt(i) + "' in a selector at column " + (i + 1));
        }
        i = skipSpace(i);
        if (i < q.length() && (q.charAt(i) == ',' || q.charAt(i) == '}')) {
          hasName = true; // {"metric.name"}: a quoted metric name
        } else {
          int opStart = i;
          while (i < q.length() && "=!~".indexOf(q.charAt(i)) >= 0) {
            i++;
          }
          String op = q.substring(opStart, i);
          if (!Set.of("=", "!=", "=~", "!~").contains(op)) {
            throw new Unconfinable(
                "expected a matcher operator after " + label + " at column " + (opStart + 1));
          }
          i = skipSpace(i);
          if (i >= q.length() || !isQuote(q.charAt(i))) {
            throw new Unconfinable("expected a quoted value after " + label + op);
          }
          int end = endOfString(i);
          String value = unquote(i, end);
          i = end + 1;
          hasMatchers = true;
          if (LABEL.equals(label) && "=".equals(op)) {
            if (!namespace.equals(value)) {
              throw new Unconfinable(
                  "selector at column "
                      + (open + 1)
                      + " asks for "
                      + LABEL
                      + "=\""
                      + value
                      + "\", but this policy may only read namespace \""
                      + namespace
                      + "\"");
            }
            confined = true;
          }
        }
        i = skipSpace(i);
        if (i < q.length() && q.charAt(i) == ',') {
          i++;
        }
      }
      if (!hasName && !hasMatchers) {
        throw new Unconfinable(
            "empty selector '{}' at column " + (open + 1) + " needs a metric name or a matcher");
      }
      if (!confined) {
        boolean empty = !hasMatchers && named;
        insert(i, empty || trailingComma(i) ? matcher : "," + matcher);
      }
      return i + 1;
    }

    /** Whether the last non-blank character before {@code close} is a comma. */
    private boolean trailingComma(int close) {
      int k = close - 1;
      while (k >= 0 && Character.isWhitespace(q.charAt(k))) {
        k--;
      }
      return k >= 0 && q.charAt(k) == ',';
    }

    private void insert(int at, String text) {
      insertAt.add(at);
      insertText.add(text);
    }

    private String assemble() {
      StringBuilder out = new StringBuilder(q.length() + insertText.size() * matcher.length());
      int copied = 0;
      for (int k = 0; k < insertAt.size(); k++) {
        int at = insertAt.get(k);
        out.append(q, copied, at).append(insertText.get(k));
        copied = at;
      }
      return out.append(q, copied, q.length()).toString();
    }

    /** Index of the bracket closing the one at {@code open}, strings and comments skipped. */
    private int closing(int open, char opener, char closer) throws Unconfinable {
      int depth = 0;
      int i = open;
      while (i < q.length()) {
        char c = q.charAt(i);
        if (isQuote(c)) {
          i = endOfString(i);
        } else if (c == opener) {
          depth++;
        } else if (c == closer && --depth == 0) {
          return i;
        }
        i++;
      }
      throw new Unconfinable("unclosed '" + opener + "' at column " + (open + 1));
    }

    private int endOfString(int start) throws Unconfinable {
      char quote = q.charAt(start);
      for (int i = start + 1; i < q.length(); i++) {
        char c = q.charAt(i);
        if (c == '\\' && quote != '`') {
          i++;
        } else if (c == quote) {
          return i;
        }
      }
      throw new Unconfinable("unterminated string starting at column " + (start + 1));
    }

    /** The text of the string literal spanning {@code [start, end]}, escapes resolved. */
    private String unquote(int start, int end) {
      String body = q.substring(start + 1, end);
      if (q.charAt(start) == '`') {
        return body;
      }
      StringBuilder out = new StringBuilder(body.length());
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == '\\' && i + 1 < body.length()) {
          i++;
          char e = body.charAt(i);
          out.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }

    private int endOfNumber(int start) {
      int i = start;
      while (i < q.length()) {
        char c = q.charAt(i);
        boolean exponentSign =
            (c == '+' || c == '-')
                && (q.charAt(i - 1) == 'e' || q.charAt(i - 1) == 'E')
                && !q.substring(start, i).toLowerCase(Locale.ROOT).startsWith("0x");
        if (!(isNameChar(c) || c == '.' || exponentSign)) {
          break;
        }
        i++;
      }
      return i;
    }

    private int skipSpace(int from) {
      int i = from;
      while (i < q.length()) {
        char c = q.charAt(i);
        if (c == '#') {
          int newline = q.indexOf('\n', i);
          i = newline < 0 ? q.length() : newline + 1;
        } else if (Character.isWhitespace(c)) {
          i++;
        } else {
          break;
        }
      }
      return i;
    }

    private static boolean isQuote(char c) {
      return c == '"' || c == '\'' || c == '`';
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
      return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    }

    private static boolean isNameChar(char c) {
      return isNameStart(c) || isDigit(c);
    }
  }
}
