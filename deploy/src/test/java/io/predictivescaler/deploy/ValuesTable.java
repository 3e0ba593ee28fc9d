package io.predictivescaler.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values table of a chart README the way helm-docs writes it: one row per key documented by a
 * {@code # --} comment in values.yaml (continued by the {@code #} lines below it, default
 * overridden by {@code # @default -- text}), sorted by key, the default as compact JSON.
 */
final class ValuesTable {

  static final String HEADER = "| Key | Type | Default | Description |";
  static final String RULE = "|-----|------|---------|-------------|";

  private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.\\-/]+):(?: +(.*))?$");
  private static final Pattern DOC = Pattern.compile("^ *# -- ?(.*)$");
  private static final Pattern DEFAULT = Pattern.compile("^ *# @default -- ?(.*)$");
  private static final Pattern CONTINUATION = Pattern.compile("^ *# ?(.*)$");
  private static final Pattern BLOCK_SCALAR = Pattern.compile("^[|>][-+]?$");

  /** One row: key path, helm-docs type, default as shown, description. */
  record Row(String key, String type, String defaultValue, String description) {
    String markdown() {
      return "| " + key + " | " + type + " | " + defaultValue + " | " + description + " |";
    }
  }

  private ValuesTable() {}

  static List<Row> rows(Path valuesYaml) {
    List<String> lines;
    JsonNode values;
    try {
      lines = Files.readAllLines(valuesYaml);
      values = new ObjectMapper(new YAMLFactory()).readTree(valuesYaml.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + valuesYaml, e);
    }
    List<Row> rows = new ArrayList<>();
    Deque<Object[]> path = new ArrayDeque<>(); // {indent, key}
    StringBuilder doc = null;
    String defaultOverride = null;
    int blockIndent = -1;
    for (String line : lines) {
      int indent = line.length() - line.stripLeading().length();
      if (blockIndent >= 0) {
        if (line.isBlank() || indent > blockIndent) {
          continue;
        }
        blockIndent = -1;
      }
      Matcher m;
      if ((m = DOC.matcher(line)).matches()) {
        doc = new StringBuilder(m.group(1).strip());
      } else if ((m = DEFAULT.matcher(line)).matches()) {
        defaultOverride = m.group(1).strip();
      } else if (doc != null && (m = CONTINUATION.matcher(line)).matches()) {
        doc.append(' ').append(m.group(1).strip());
      } else if ((m = KEY.matcher(line)).matches()) {
        while (!path.isEmpty() && (int) path.peek()[0] >= indent) {
          path.pop();
        }
        path.push(new Object[] {indent, m.group(2)});
        String value = m.group(3) == null ? "" : m.group(3).strip();
        if (BLOCK_SCALAR.matcher(value).matches()) {
          blockIndent = indent;
        }
        if (doc != null) {
          String key = key(path);
          JsonNode node = values.at(pointer(path));
          rows.add(
              new Row(
                  key,
                  type(node),
                  defaultOverride != null ? defaultOverride : "`" + json(node) + "`",
                  doc.toString().replace("|", "\\|")));
        }
        doc = null;
        defaultOverride = null;
      } else if (line.isBlank() || !line.stripLeading().startsWith("#")) {
        doc = null;
        defaultOverride = null;
      }
    }
    rows.sort(Comparator.comparing(Row::key));
    return rows;
  }

  static String markdown(List<Row> rows) {
    StringBuilder table = new StringBuilder(HEADER).append('\n').append(RULE).append('\n');
    rows.forEach(r -> table.append(r.markdown()).append('\n'));
    return table.toString();
  }

  /** Every leaf key path of values.yaml (objects descended, lists and scalars are leaves). */
  static List<String> leafKeys(Path valuesYaml) {
    try {
      List<String> keys = new ArrayList<>();
      collectLeaves(new ObjectMapper(new YAMLFactory()).readTree(valuesYaml.toFile()), "", keys);
      return keys;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + valuesYaml, e);
    }
  }

  private static void collectLeaves(JsonNode node, String prefix, List<String> keys) {
    if (node.isObject() && node.size() > 0) {
      node.fields()
          .forEachRemaining(
              f ->
                  collectLeaves(
                      f.getValue(),
                      prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(),
                      keys));
    } else {
      keys.add(prefix);
    }
  }

  private static String key(Deque<Object[]> path) {
    List<String> parts = new ArrayList<>();
    path.descendingIterator().forEachRemaining(p -> parts.add((String) p[1]));
    return String.join(".", parts);
  }

  private static String pointer(Deque<Object[]> path) {
    StringBuilder pointer = new StringBuilder();
    path.descendingIterator()
        .forEachRemaining(
            p -> pointer.append('/').append(((String) p[1]).replace("~", "~0").replace("/", "~1")));
    return pointer.toString();
  }

  private static String type(JsonNode node) {
    if (node.isObject()) {
      return "object";
    } else if (node.isArray()) {
      return "list";
    } else if (node.isBoolean()) {
      return "bool";
    } else if (node.isIntegralNumber()) {
      return "int";
    } else if (node.isNumber()) {
      return "float";
    }
    return "string";
  }

  private static String json(JsonNode node) {
    try {
      return new ObjectMapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
