package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckPolicyCommandTest {

  private static final Path DOC = Path.of("..", "docs", "CONFIGURATION.md");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)\n```", Pattern.DOTALL);

  static final String MEMORY_EXHAUSTING =
      """
      workloads:
        - target: {name: checkout}
          metric: {prometheus: "sum(rate(http_requests_total[1m]))"}
          targetPerReplica: 100
          maxReplicas: 10
          step: 1s
          horizon: 4h
        - target: {name: search}
          metric: {prometheus: "sum(rate(search_total[1m]))"}
          targetPerReplica: 40
          maxReplicas: 10
          window: 2562047h
      """;

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void rejectsMemoryExhaustingPoliciesNamingEachField() throws IOException {
    Path file = write("policies.yaml", MEMORY_EXHAUSTING);

    int code = run(file.toString());

    assertThat(code).isEqualTo(1);
    assertThat(outLines())
        .containsExactly(
            file
                + ": workloads[0].horizon: must be <= 10m (600 steps of 1s; forecast memory grows"
                + " with (horizon/step)^2), got 4h",
            file + ": workloads[1].window: must be <= 336h, got 2562047h");
  }

  @Test
  void acceptsEveryYamlExampleInTheConfigurationDoc() throws IOException {
    List<String> examples = yamlBlocks(Files.readString(DOC));
    List<String> args = new ArrayList<>();
    for (int i = 0; i < examples.size(); i++) {
      args.add(write("example-" + i + ".yaml", examples.get(i)).toString());
    }

    int code = run(args.toArray(String[]::new));

    assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
    assertThat(outLines()).as(err.toString()).allMatch(l -> l.contains(": ok ("));
    assertThat(code).isZero();
  }

  @Test
  void checksThePolicyInsideAConfigMapUnderItsNamespace() throws IOException {
    Path file =
        write(
            "cm.yaml",
            """
            apiVersion: v1
            kind: Service
            metadata: {name: other}
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: policies, namespace: shop}
            data:
              policies.yaml: |
                workloads:
                  - target: {name: checkout, namespace: billing}
                    metric: {resource: cpu}
                    targetUtilization: 70
                    maxReplicas: 10
                    risk: abc
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: empty, namespace: shop}
            data: {}
            """);

    int code = run(file.toString());

    assertThat(code).isEqualTo(1);
    assertThat(outLines())
        .containsExactly(
            file
                + ": ConfigMap shop/policies: workloads[0].risk: must be \"hpa\" or a percentage"
                + " like \"0.1%\", got \"abc\"",
            file + ": ConfigMap shop/empty: the ConfigMap has no key policies.yaml");
  }

  @Test
  void readsConfigMapsFromAKubectlList() throws IOException {
    Path file =
        write(
            "list.yaml",
            """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: ConfigMap
                metadata: {name: policies, namespace: shop}
                data:
                  policies.yaml: |
                    workloads:
                      - target: {name: checkout}
                        metric: {resource: cpu}
                        targetUtilization: 70
                        maxReplicas: 10
            """);

    int code = run(file.toString());

    assertThat(code).isZero();
    assertThat(outLines()).containsExactly(file + ": ConfigMap shop/policies: ok (1 workload)");
  }

  @Test
  void appliesTheNamespaceRuleUnlessTheConfigMapIsInTheControlNamespace() throws IOException {
    Path file =
        write(
            "cm.yaml",
            """
            kind: ConfigMap
            metadata: {name: platform, namespace: predictive-scaler}
            data:
              policies.yaml: |
                workloads:
                  - target: {name: checkout, namespace: shop}
                    metric: {resource: cpu}
                    targetUtilization: 70
                    maxReplicas: 10
            """);

    int outside = run(file.toString());
    String rejected = out.toString(StandardCharsets.UTF_8);
    out.reset();
    int inside = run("--control-namespace", "predictive-scaler", file.toString());

    assertThat(outside).isEqualTo(1);
    assertThat(rejected)
        .contains("workloads[0].target.namespace: must be the ConfigMap's namespace");
    assertThat(inside).isZero();
    assertThat(outLines())
        .containsExactly(file + ": ConfigMap predictive-scaler/platform: ok (1 workload)");
  }

  @Test
  void confinesAConfigMapsQueriesToItsNamespaceUnlessTrusted() throws IOException {
    Path file =
        write(
            "cm.yaml",
            """
            kind: ConfigMap
            metadata: {name: policies, namespace: shop}
            data:
              policies.yaml: |
                workloads:
                  - target: {name: checkout}
                    metric: {prometheus: 'sum(rate(http_requests_total{namespace="payments"}[1m]))'}
                    targetPerReplica: 100
                    maxReplicas: 10
            """);

    int confined = run(file.toString());
    List<String> rejected = outLines();
    out.reset();
    int trusted = run("--prometheus-trusted-namespaces", "ops,shop", file.toString());

    assertThat(confined).isEqualTo(1);
    assertThat(rejected)
        .containsExactly(
            file
                + ": ConfigMap shop/policies: workloads[0].metric.prometheus: cannot be confined"
                + " to the ConfigMap's namespace (shop), which the scaler adds to every selector:"
                + " selector at column 29 asks for namespace=\"payments\", but this policy may"
                + " only read namespace \"shop\", got"
                + " sum(rate(http_requests_total{namespace=\"payments\"}[1m]))");
    assertThat(trusted).isZero();
    assertThat(outLines()).containsExactly(file + ": ConfigMap shop/policies: ok (1 workload)");
  }

  @Test
  void checksAPlainFileAsIfInTheNamespaceGiven() throws IOException {
    Path file =
        write(
            "policies.yaml",
            """
            workloads:
              - target: {name: checkout}
                metric: {prometheus: 'sum(x{namespace="payments"})'}
                targetPerReplica: 100
                maxReplicas: 10
            """);

    int parserAlone = run(file.toString());
    out.reset();
    int inShop = run("--namespace=shop", file.toString());
    List<String> shopLines = outLines();
    out.reset();
    int inPayments = run("--namespace", "payments", file.toString());

    assertThat(parserAlone).isZero();
    assertThat(inShop).isEqualTo(1);
    assertThat(shopLines)
        .singleElement()
        .asString()
        .startsWith(file + ": workloads[0].metric.prometheus: cannot be confined");
    assertThat(inPayments).isZero();
    assertThat(outLines()).containsExactly(file + ": ok (1 workload)");
  }

  @Test
  void aBadNamespaceOptionIsAUsageErrorNamingIt() throws IOException {
    Path file = write("policies.yaml", "workloads: []\n");

    int code = run("--prometheus-trusted-namespaces", "ops,Bad_NS", file.toString());
    int missing = run(file.toString(), "--namespace");

    assertThat(code).isEqualTo(2);
    assertThat(missing).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "check-policy: --prometheus-trusted-namespaces: 'Bad_NS' is not a valid namespace"
                + " name (RFC 1123 label)")
        .contains("check-policy: --namespace: needs a value");
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheirLine() throws IOException {
    Path file = write("broken.yaml", "workloads: [\n  {a: 1\n");

    int code = run(file.toString());

    assertThat(code).isEqualTo(1);
    assertThat(outLines()).singleElement().asString().startsWith(file + ": YAML syntax error at");
  }

  @Test
  void isAUsageErrorWithoutFilesAndReachableFromMain() throws InterruptedException {
    int none = run();
    int viaMain =
        Main.run(
            new String[] {CheckPolicyCommand.NAME, "--help"},
            java.util.Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(none).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("no file given");
    assertThat(viaMain).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("check-policy [--control-namespace");
  }

  @Test
  void anUnreadableFileIsAnError() {
    int code = run(dir.resolve("missing.yaml").toString());

    assertThat(code).isEqualTo(1);
    assertThat(outLines()).singleElement().asString().contains("missing.yaml: cannot read");
  }

  private int run(String... args) {
    return CheckPolicyCommand.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private List<String> outLines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  static List<String> yamlBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = YAML_BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1) + "\n");
    }
    return blocks;
  }
}
