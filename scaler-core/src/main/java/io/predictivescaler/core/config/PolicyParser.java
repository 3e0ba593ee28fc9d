package io.predictivescaler.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Parses a {@code policies.yaml} document into a validated {@link PolicyDocument}, or reports every
 * error in it. Bad input never throws.
 *
 * <pre>{@code
 * ParseResult result = PolicyParser.parse(yaml, "shop");
 * result.document().ifPresentOrElse(apply, () -> result.messages().forEach(log::warn));
 * }</pre>
 */
public final class PolicyParser {

  /** Namespace of targets that name none, when parsing outside a ConfigMap. */
  public static final String DEFAULT_NAMESPACE = "default";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  private static final String PER_WORKLOAD = "set it per workload";

  private PolicyParser() {}

  /** Parses a document whose targets default to namespace {@value #DEFAULT_NAMESPACE}. */
  public static ParseResult parse(String yaml) {
    return parse(yaml, DEFAULT_NAMESPACE);
  }

  /**
   * Parses a document.
   *
   * @param yaml the document text
   * @param defaultNamespace the namespace of targets that name none, usually the ConfigMap's
   */
  public static ParseResult parse(String yaml, String defaultNamespace) {
    if (!TargetRef.NAMESPACE.matcher(defaultNamespace).matches()) {
      throw new IllegalArgumentException("not a namespace name: " + defaultNamespace);
    }
    List<ConfigError> errors = new ArrayList<>();
    Optional<JsonNode> root = readTree(yaml, errors);
    if (root.isEmpty()) {
      return ParseResult.invalid(errors);
    }
    if (!root.get().isObject()) {
      return ParseResult.invalid(
          List.of(
              new ConfigError(
                  "",
                  "the document must be a mapping with defaults and workloads, got "
                      + FieldReader.describe(root.get(), false))));
    }
    FieldReader top = new FieldReader((ObjectNode) root.get(), "", errors);
    top.rejectUnknown(Set.of("defaults", "workloads"), Map.of());
    PolicySettings defaults = PolicySettings.BUILT_IN;
    Optional<FieldReader> defaultsBlock = top.object("defaults");
    if (defaultsBlock.isPresent()) {
      defaultsBlock.get().rejectUnknown(DefaultableFields.NAMES, workloadOnlyHints());
      defaults = DefaultableFields.read(defaultsBlock.get(), defaults);
    }
    List<Supplier<WorkloadPolicy>> workloads = new ArrayList<>();
    ArrayNode list = top.list("workloads").orElseGet(YAML::createArrayNode);
    Map<TargetRef, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      String path = "workloads[" + i + "]";
      JsonNode item = list.get(i);
      if (!item.isObject()) {
        top.errorAt(path, "must be a mapping, got " + FieldReader.describe(item, false));
        continue;
      }
      WorkloadReader.Read read =
          WorkloadReader.read(top.child((ObjectNode) item, path), defaults, defaultNamespace);
      read.policy().ifPresent(workloads::add);
      if (read.target().isPresent()) {
        Integer first = firstIndex.putIfAbsent(read.target().get(), i);
        if (first != null) {
          top.errorAt(
              path + ".target",
              "duplicates workloads[" + first + "].target (" + read.target().get() + ")");
        }
      }
    }
    if (!errors.isEmpty()) {
      return ParseResult.invalid(errors);
    }
    return ParseResult.valid(
        new PolicyDocument(defaults, workloads.stream().map(Supplier::get).toList()));
  }

  private static Optional<JsonNode> readTree(String yaml, List<ConfigError> errors) {
    try (JsonParser parser = YAML.createParser(yaml)) {
      JsonNode root = YAML.readTree(parser);
      if (root == null || root.isMissingNode() || root.isNull()) {
        errors.add(new ConfigError("", "the document is empty; write 'workloads: []' for none"));
        return Optional.empty();
      }
      if (parser.nextToken() != null) {
        errors.add(
            new ConfigError(
                "",
                "YAML: one document expected, another starts at "
                    + where(parser.currentTokenLocation())));
        return Optional.empty();
      }
      return Optional.of(root);
    } catch (JsonProcessingException e) {
      errors.add(new ConfigError("", syntaxError(e)));
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a YAML string", e);
    }
  }

  /** SnakeYAML's problem and where it is, rather than its multi-line context. */
  private static String syntaxError(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
      Mark mark = marked.getProblemMark();
      return "YAML syntax error at line "
          + (mark.getLine() + 1)
          + ", column "
          + (mark.getColumn() + 1)
          + ": "
          + marked.getProblem();
    }
    String detail = e.getOriginalMessage().lines().findFirst().orElse("syntax error").strip();
    return "YAML syntax error at " + where(e.getLocation()) + ": " + detail;
  }

  private static String where(JsonLocation location) {
    if (location == null) {
      return "an unknown position";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static Map<String, String> workloadOnlyHints() {
    Map<String, String> hints = new HashMap<>();
    WorkloadReader.OWN_FIELDS.forEach(f -> hints.put(f, PER_WORKLOAD));
    return hints;
  }
}
