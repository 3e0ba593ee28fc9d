package io.predictivescaler.core.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.predictivescaler.core.config.ConfigError;
import io.predictivescaler.core.config.ConfigMapPolicyWatcher;
import io.predictivescaler.core.config.ConfigMapRef;
import io.predictivescaler.core.config.ParseResult;
import io.predictivescaler.core.config.PolicyParser;
import io.predictivescaler.core.config.PolicyStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code predictive-scaler.jar check-policy [--control-namespace NS]
 * [--prometheus-trusted-namespaces NS,...] [--namespace NS] FILE...}: the service's own parser and
 * limits on policy files, for CI and pre-commit hooks. A file is a {@code policies.yaml} or
 * Kubernetes YAML holding ConfigMaps with a {@code policies.yaml} key, as documents or in a {@code
 * List} (other objects in it are skipped). Prints one line per error, prefixed by the file name, or
 * one {@code ok} line per document; exits 0 when every document is valid, 1 when one is not, 2 on a
 * usage error.
 */
public final class CheckPolicyCommand {

  public static final String NAME = "check-policy";

  static final int EXIT_VALID = 0;
  static final int EXIT_INVALID = 1;
  static final int EXIT_USAGE = 2;

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final String CONTROL = "--control-namespace";
  private static final String TRUSTED = "--prometheus-trusted-namespaces";
  private static final String NAMESPACE = "--namespace";
  private static final List<String> OPTIONS = List.of(CONTROL, TRUSTED, NAMESPACE);
  private static final Pattern NAMESPACE_NAME =
      Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  private CheckPolicyCommand() {}

  /** One document found in a file: where it came from and what the service says of it. */
  private record Checked(String prefix, List<ConfigError> errors, int workloads) {}

  /** A usage error's message. */
  private static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message, null, false, false);
    }
  }

  static String usage() {
    return """
        Usage: java -jar predictive-scaler.jar check-policy [--control-namespace NS]
                 [--prometheus-trusted-namespaces NS[,NS...]] [--namespace NS] FILE...

        Checks policy files with the service's own parser and limits. FILE is a policies.yaml, or
        Kubernetes YAML with ConfigMaps holding a policies.yaml key (other objects are skipped).
        Prints every error as FILE: field.path: message, and exits 0 when all are valid, 1 when
        one is not, 2 on a usage error.

          --control-namespace NS  the namespace whose ConfigMaps may target any namespace
                                  (predictive-scaler's own); without it, a ConfigMap's targets
                                  must be in its own namespace
          --prometheus-trusted-namespaces NS[,NS...]
                                  namespaces whose ConfigMaps' PromQL runs as written, as the
                                  service's flag of that name; without it, every query must be
                                  confinable to its ConfigMap's namespace (no selector may ask
                                  for another namespace)
          --namespace NS          check a plain policies.yaml as if it were in a ConfigMap in NS
                                  (targets default to NS, the namespace rules apply); without it,
                                  a plain file is checked by the parser alone
        """;
  }

  /** Everything but the exit, so that tests can call it. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Map<String, String> options = new HashMap<>();
    List<Path> files = new ArrayList<>();
    PolicyStore store;
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (arg.equals("--help") || arg.equals("-h")) {
          out.print(usage());
          return EXIT_VALID;
        }
        Optional<String> option =
            OPTIONS.stream().filter(o -> arg.equals(o) || arg.startsWith(o + "=")).findFirst();
        if (option.isPresent()) {
          String name = option.get();
          if (arg.equals(name) && i + 1 >= args.length) {
            throw new UsageException(name + ": needs a value");
          }
          options.put(name, arg.equals(name) ? args[++i] : arg.substring(name.length() + 1));
        } else if (arg.startsWith("-")) {
          throw new UsageException("unknown option " + arg);
        } else {
          files.add(Path.of(arg));
        }
      }
      if (files.isEmpty()) {
        throw new UsageException("no file given");
      }
      Optional<String> control = Optional.ofNullable(options.get(CONTROL));
      if (control.isPresent()) {
        namespace(CONTROL, control.get());
      }
      Set<String> trusted = new HashSet<>();
      for (String part : options.getOrDefault(TRUSTED, "").split(",")) {
        if (!part.isBlank()) {
          trusted.add(namespace(TRUSTED, part.strip()));
        }
      }
      if (options.containsKey(NAMESPACE)) {
        namespace(NAMESPACE, options.get(NAMESPACE));
      }
      store = new PolicyStore(control, trusted);
    } catch (UsageException e) {
      err.println("check-policy: " + e.getMessage());
      err.print(usage());
      return EXIT_USAGE;
    }
    Optional<String> plainNamespace = Optional.ofNullable(options.get(NAMESPACE));
    boolean valid = true;
    for (Path file : files) {
      String text;
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        out.println(file + ": cannot read: " + e.getMessage());
        valid = false;
        continue;
      }
      for (Checked checked : check(file.toString(), text, store, plainNamespace)) {
        checked.errors().forEach(e -> out.println(checked.prefix() + ": " + e));
        if (checked.errors().isEmpty()) {
          out.println(
              checked.prefix()
                  + ": ok ("
                  + checked.workloads()
                  + (checked.workloads() == 1 ? " workload)" : " workloads)"));
        }
        valid &= checked.errors().isEmpty();
      }
    }
    return valid ? EXIT_VALID : EXIT_INVALID;
  }

  private static String namespace(String option, String value) throws UsageException {
    if (!NAMESPACE_NAME.matcher(value).matches()) {
      throw new UsageException(
          option + ": '" + value + "' is not a valid namespace name (RFC 1123 label)");
    }
    return value;
  }

  private static List<Checked> check(
      String name, String text, PolicyStore store, Optional<String> plainNamespace) {
    List<JsonNode> configMaps = configMaps(text);
    if (configMaps.isEmpty() && plainNamespace.isPresent()) {
      ConfigMapRef ref = new ConfigMapRef(plainNamespace.get(), name);
      List<ConfigError> errors = store.validate(ref, text);
      int workloads = errors.isEmpty() ? workloads(PolicyParser.parse(text, ref.namespace())) : 0;
      return List.of(new Checked(name, errors, workloads));
    }
    if (configMaps.isEmpty()) {
      ParseResult result = PolicyParser.parse(text);
      return List.of(new Checked(name, result.errors(), workloads(result)));
    }
    List<Checked> out = new ArrayList<>();
    for (JsonNode cm : configMaps) {
      JsonNode metadata = cm.path("metadata");
      ConfigMapRef ref =
          new ConfigMapRef(
              metadata.path("namespace").asText(PolicyParser.DEFAULT_NAMESPACE),
              metadata.path("name").asText("unnamed"));
      String prefix = name + ": " + ref;
      JsonNode yaml = cm.path("data").path(ConfigMapPolicyWatcher.POLICY_KEY);
      if (!yaml.isTextual()) {
        out.add(new Checked(prefix, List.of(ConfigMapPolicyWatcher.MISSING_POLICY_KEY), 0));
        continue;
      }
      List<ConfigError> errors = store.validate(ref, yaml.asText());
      int workloads =
          errors.isEmpty() ? workloads(PolicyParser.parse(yaml.asText(), ref.namespace())) : 0;
      out.add(new Checked(prefix, errors, workloads));
    }
    return out;
  }

  /**
   * The ConfigMaps in {@code text}, or none when it is not Kubernetes YAML (then it is read as a
   * {@code policies.yaml}, whose parser reports any syntax error with its line).
   */
  private static List<JsonNode> configMaps(String text) {
    List<JsonNode> found = new ArrayList<>();
    try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(text)) {
      while (docs.hasNextValue()) {
        JsonNode doc = docs.nextValue();
        // kubectl get -o yaml wraps several objects in a List.
        Iterable<JsonNode> objects =
            doc != null && "List".equals(doc.path("kind").asText())
                ? doc.path("items")
                : List.of(doc);
        for (JsonNode object : objects) {
          if (object != null && "ConfigMap".equals(object.path("kind").asText())) {
            found.add(object);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
    return found;
  }

  private static int workloads(ParseResult result) {
    return result.document().map(d -> d.workloads().size()).orElse(0);
  }
}
