package io.predictivescaler.collector.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NamespaceMatcherInjectorTest {

  private static final String NS = "shop";

  /** One table row: what the tenant wrote and what Prometheus is asked. */
  record Case(String name, String query, String confined) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** One table row of a query that cannot be confined, and the problem reported. */
  record Refused(String name, String query, String problem) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> confinable() {
    return Stream.of(
        new Case("bare metric", "up", "up{namespace=\"shop\"}"),
        new Case(
            "metric with matchers",
            "http_requests_total{job=\"api\"}",
            "http_requests_total{job=\"api\",namespace=\"shop\"}"),
        new Case(
            "range in a function",
            "rate(http_requests_total{job=\"api\"}[5m])",
            "rate(http_requests_total{job=\"api\",namespace=\"shop\"}[5m])"),
        new Case("nested calls", "sum(rate(x[1m]))", "sum(rate(x{namespace=\"shop\"}[1m]))"),
        new Case(
            "by before the argument",
            "sum by (pod, job) (rate(x[5m]))",
            "sum by (pod, job) (rate(x{namespace=\"shop\"}[5m]))"),
        new Case(
            "by after the argument",
            "sum(rate(x[5m])) by (job)",
            "sum(rate(x{namespace=\"shop\"}[5m])) by (job)"),
        new Case(
            "without",
            "sum without (instance) (x)",
            "sum without (instance) (x{namespace=\"shop\"})"),
        new Case("by without spaces", "sum by(job)(x)", "sum by(job)(x{namespace=\"shop\"})"),
        new Case("name matcher", "{__name__=\"up\"}", "{__name__=\"up\",namespace=\"shop\"}"),
        new Case(
            "name regex and another matcher",
            "{__name__=~\"http_.*\", code!=\"200\"}",
            "{__name__=~\"http_.*\", code!=\"200\",namespace=\"shop\"}"),
        new Case(
            "escaped quote and braces in a string",
            "x{path=~\"/api/{id}\\\"}\"}",
            "x{path=~\"/api/{id}\\\"}\",namespace=\"shop\"}"),
        new Case("single quotes with a brace", "x{a='b}c'}", "x{a='b}c',namespace=\"shop\"}"),
        new Case("raw string", "x{re=~`\\d+{2}`}", "x{re=~`\\d+{2}`,namespace=\"shop\"}"),
        new Case("already confined", "x{namespace=\"shop\"}", "x{namespace=\"shop\"}"),
        new Case(
            "a namespace regex still gets the equality",
            "x{namespace=~\"shop|other\"}",
            "x{namespace=~\"shop|other\",namespace=\"shop\"}"),
        new Case("offset", "x offset 5m", "x{namespace=\"shop\"} offset 5m"),
        new Case(
            "range with a negative offset",
            "x[5m] offset -1h",
            "x{namespace=\"shop\"}[5m] offset -1h"),
        new Case("subquery", "rate(x[5m:30s])", "rate(x{namespace=\"shop\"}[5m:30s])"),
        new Case(
            "subquery of a function",
            "max_over_time(rate(x[1m])[10m:1m])",
            "max_over_time(rate(x{namespace=\"shop\"}[1m])[10m:1m])"),
        new Case(
            "vector matching with group_left labels",
            "a / on(job) group_left(team) b",
            "a{namespace=\"shop\"} / on(job) group_left(team) b{namespace=\"shop\"}"),
        new Case(
            "group_left without labels",
            "a * on(job) group_left b",
            "a{namespace=\"shop\"} * on(job) group_left b{namespace=\"shop\"}"),
        new Case(
            "set operators",
            "a and on() b or c unless d",
            "a{namespace=\"shop\"} and on() b{namespace=\"shop\"} or c{namespace=\"shop\"}"
                + " unless d{namespace=\"shop\"}"),
        new Case(
            "upper-case keywords", "a AND b", "a{namespace=\"shop\"} AND b{namespace=\"shop\"}"),
        new Case(
            "upper-case aggregation", "SUM(x) BY (job)", "SUM(x{namespace=\"shop\"}) BY (job)"),
        new Case("bool", "x > bool 5", "x{namespace=\"shop\"} > bool 5"),
        new Case(
            "histogram quantile",
            "histogram_quantile(0.99, sum by (le) (rate(h_bucket[5m])))",
            "histogram_quantile(0.99, sum by (le) (rate(h_bucket{namespace=\"shop\"}[5m])))"),
        new Case(
            "label_replace strings stay strings",
            "label_replace(up, \"dst\", \"$1\", \"src\", \"(.*)\")",
            "label_replace(up{namespace=\"shop\"}, \"dst\", \"$1\", \"src\", \"(.*)\")"),
        new Case(
            "count_values",
            "count_values(\"version\", build_info)",
            "count_values(\"version\", build_info{namespace=\"shop\"})"),
        new Case("topk", "topk(3, x)", "topk(3, x{namespace=\"shop\"})"),
        new Case("a keyword as the metric", "sum", "sum{namespace=\"shop\"}"),
        new Case(
            "a keyword as a metric in a range",
            "rate(offset[5m])",
            "rate(offset{namespace=\"shop\"}[5m])"),
        new Case("at start()", "x @ start()", "x{namespace=\"shop\"} @ start()"),
        new Case("at a time", "x @ 1609746000", "x{namespace=\"shop\"} @ 1609746000"),
        new Case("recording rule name", "job:http:rate5m", "job:http:rate5m{namespace=\"shop\"}"),
        new Case(
            "comment with braces",
            "# total {of} \"all\"\nup",
            "# total {of} \"all\"\nup{namespace=\"shop\"}"),
        new Case("no selector", "vector(1) + time()", "vector(1) + time()"),
        new Case("numbers", "1.5e-3 * 0x1F", "1.5e-3 * 0x1F"),
        new Case("infinity", "x > Inf", "x{namespace=\"shop\"} > Inf"),
        new Case("empty braces after a name", "x{}", "x{namespace=\"shop\"}"),
        new Case(
            "quoted metric name",
            "{\"my.metric\", job=\"a\"}",
            "{\"my.metric\", job=\"a\",namespace=\"shop\"}"),
        new Case("quoted name alone", "{\"my.metric\"}", "{\"my.metric\",namespace=\"shop\"}"),
        new Case("trailing comma", "x{job=\"a\",}", "x{job=\"a\",namespace=\"shop\"}"),
        new Case(
            "aggregations on both sides",
            "sum(x) by (job) + count(y) without (pod)",
            "sum(x{namespace=\"shop\"}) by (job) + count(y{namespace=\"shop\"}) without (pod)"),
        new Case("unary minus and power", "-x ^ 2", "-x{namespace=\"shop\"} ^ 2"),
        new Case(
            "multi-line",
            "sum(\n  rate(x{job=\"a\"}[5m])\n)\n/\nsum(y)",
            "sum(\n  rate(x{job=\"a\",namespace=\"shop\"}[5m])\n)\n/\nsum(y{namespace=\"shop\"})"),
        new Case(
            "namespace as a label list entry",
            "x and on(namespace) y",
            "x{namespace=\"shop\"} and on(namespace) y{namespace=\"shop\"}"),
        new Case(
            "anchored modifier",
            "rate(x[5m] anchored) + y",
            "rate(x{namespace=\"shop\"}[5m] anchored) + y{namespace=\"shop\"}"),
        new Case("an operator keyword as the metric", "and", "and{namespace=\"shop\"}"),
        new Case(
            "two name selectors around unless",
            "{__name__=~\"x\"} unless {__name__=~\"y\"}",
            "{__name__=~\"x\",namespace=\"shop\"} unless {__name__=~\"y\",namespace=\"shop\"}"),
        new Case(
            "offset and at together",
            "x{job=\"a\"} offset 5m @ end()",
            "x{job=\"a\",namespace=\"shop\"} offset 5m @ end()"),
        new Case(
            "or with an empty on() and vector(0)",
            "sum by (job) (x) or on() vector(0)",
            "sum by (job) (x{namespace=\"shop\"}) or on() vector(0)"),
        new Case(
            "subquery with spaced colon",
            "max_over_time(x[1h : 5m])",
            "max_over_time(x{namespace=\"shop\"}[1h : 5m])"));
  }

  static Stream<Refused> refused() {
    return Stream.of(
        new Refused(
            "another namespace",
            "x{namespace=\"other\"}",
            "asks for namespace=\"other\", but this policy may only read namespace \"shop\""),
        new Refused(
            "another namespace deep inside",
            "sum(rate(a[5m])) / sum(rate(b{namespace=\"kube-system\"}[5m]))",
            "asks for namespace=\"kube-system\""),
        new Refused(
            "another namespace in single quotes",
            "{namespace='other', __name__=\"up\"}",
            "asks for namespace=\"other\""),
        new Refused("empty selector", "{}", "empty selector '{}' at column 1"),
        new Refused("unclosed selector", "x{job=\"a\"", "unclosed '{' at column 2"),
        new Refused("matcher without a value", "x{job=}", "expected a quoted value after job="),
        new Refused(
            "unterminated string", "x{job=\"a}", "unterminated string starting at column 7"),
        new Refused("bad operator", "x{job==\"a\"}", "expected a matcher operator after job"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("confinable")
  void confinesEverySelectorToTheNamespace(Case c) {
    String confined = NamespaceMatcherInjector.confine(c.query(), NS);

    assertThat(confined).isEqualTo(c.confined());
    assertThat(NamespaceMatcherInjector.problem(c.query(), NS)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("confinable")
  void confiningTwiceChangesNothing(Case c) {
    String once = NamespaceMatcherInjector.confine(c.query(), NS);

    assertThat(NamespaceMatcherInjector.confine(once, NS)).isEqualTo(once);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void namesWhatCannotBeConfined(Refused r) {
    assertThat(NamespaceMatcherInjector.problem(r.query(), NS))
        .hasValueSatisfying(p -> assertThat(p).contains(r.problem()));
    assertThatThrownBy(() -> NamespaceMatcherInjector.confine(r.query(), NS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(r.problem());
  }

  @Test
  void refusesANamespaceThatIsNotALabel() {
    assertThatThrownBy(() -> NamespaceMatcherInjector.confine("up", "a\"}or{x=\""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("namespace must be a DNS-1123 label, got ");
  }
}
