package io.predictivescaler.collector.cadvisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.predictivescaler.collector.source.ResourceName;
import io.predictivescaler.collector.source.ResourceQuery;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CadvisorUsageQueryTest {

  private static final Duration STEP = Duration.ofSeconds(15);

  /** Pods of a target, and pods of its neighbours that must not be counted. */
  record PodNames(
      String apiVersion, String kind, String name, List<String> its, List<String> notIts) {}

  static Stream<PodNames> podNames() {
    return Stream.of(
        new PodNames(
            "apps/v1",
            "Deployment",
            "web",
            List.of("web-7d9f8c6b5d-x2x4z", "web-5c4b7-9zzbq"),
            List.of(
                "web-api-7d9f8c6b5d-x2x4z", "web-api-0", "web-0", "web-x2x4z", "webx-5c4b7-9zzbq")),
        new PodNames(
            "apps/v1",
            "StatefulSet",
            "db",
            List.of("db-0", "db-1", "db-12"),
            List.of("db-01", "db-replica-0", "db-7d9f8c6b5d-x2x4z", "db-")),
        new PodNames(
            "apps/v1",
            "ReplicaSet",
            "web-7d9f8c6b5d",
            List.of("web-7d9f8c6b5d-x2x4z"),
            List.of("web-7d9f8c6b5d", "web-7d9f8c6b5d-x2x4", "web-7d9f8c6b5d-aaaaa")),
        new PodNames(
            "argoproj.io/v1alpha1",
            "Rollout",
            "shop.v2",
            List.of("shop.v2-6b8c9f7d4-wq2lz"),
            List.of("shopxv2-6b8c9f7d4-wq2lz", "shop.v2-0")));
  }

  @ParameterizedTest
  @MethodSource("podNames")
  void thePodPatternMatchesTheTargetsGeneratedPodNamesOnly(PodNames c) {
    String promqlString = CadvisorUsageQuery.podPattern(c.apiVersion(), c.kind(), c.name());
    // PromQL reads "\\." in a string as the regex \. and anchors the regex at both ends
    Pattern pattern = Pattern.compile(promqlString.replace("\\\\", "\\"));

    assertThat(c.its()).allMatch(pod -> pattern.matcher(pod).matches());
    assertThat(c.notIts()).noneMatch(pod -> pattern.matcher(pod).matches());
  }

  @Test
  void cpuIsTheRateOfTheContainersUsageInCores() {
    ResourceQuery cpu = new ResourceQuery("shop", "apps/v1", "StatefulSet", "db", ResourceName.CPU);

    String promql = CadvisorUsageQuery.of(cpu, STEP).expression();

    assertThat(promql)
        .isEqualTo(
            "sum(rate(container_cpu_usage_seconds_total{namespace=\"shop\",pod=~\"db-(0|[1-9][0-9]*)\","
                + "container!=\"\",container!=\"POD\"}[120s]))");
  }

  @Test
  void theRateWindowIsFourStepsWhenThatIsLongerThanTwoMinutes() {
    ResourceQuery cpu = new ResourceQuery("shop", "apps/v1", "StatefulSet", "db", ResourceName.CPU);

    String promql = CadvisorUsageQuery.of(cpu, Duration.ofMinutes(1)).expression();

    assertThat(promql).endsWith("[240s]))");
  }

  @Test
  void memoryIsTheContainersWorkingSetInBytes() {
    ResourceQuery memory =
        new ResourceQuery("shop", "apps/v1", "StatefulSet", "db", ResourceName.MEMORY);

    String promql = CadvisorUsageQuery.of(memory, STEP).expression();

    assertThat(promql)
        .isEqualTo(
            "sum(container_memory_working_set_bytes{namespace=\"shop\",pod=~\"db-(0|[1-9][0-9]*)\","
                + "container!=\"\",container!=\"POD\"})");
  }

  @Test
  void theQueryIsRunAsWrittenAsItNamesTheTargetsNamespaceItself() {
    ResourceQuery cpu = new ResourceQuery("shop", "apps/v1", "Deployment", "web", ResourceName.CPU);

    assertThat(CadvisorUsageQuery.of(cpu, STEP).namespace()).isEmpty();
  }

  @Test
  void aNameThatIsNoKubernetesNameIsRejectedNamingIt() {
    ResourceQuery odd =
        new ResourceQuery("shop", "apps/v1", "Deployment", "web\"}or vector(1)", ResourceName.CPU);

    assertThatThrownBy(() -> CadvisorUsageQuery.of(odd, STEP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "name must be a Kubernetes object name (lower-case letters, digits, '-', '.'), got"
                + " web\"}or vector(1)");
  }

  @Test
  void currentPodsOutsideTheNamingPatternAreAddedByTheirExactNames() {
    ResourceQuery ledger =
        new ResourceQuery("shop", "example.com/v1", "LedgerSet", "ledger", ResourceName.CPU);

    String promql =
        CadvisorUsageQuery.of(
                ledger, STEP, List.of("ledger-replica.1", "ledger-main", "ledger-7d9f8c6b5d-x2x4z"))
            .expression();

    assertThat(promql)
        .isEqualTo(
            "sum(rate(container_cpu_usage_seconds_total{namespace=\"shop\",pod=~\""
                + CadvisorUsageQuery.podPattern("example.com/v1", "LedgerSet", "ledger")
                + "|ledger-main|ledger-replica\\\\.1\",container!=\"\",container!=\"POD\"}[120s]))");
    Pattern pods = podRegex(promql);
    assertThat(List.of("ledger-main", "ledger-replica.1", "ledger-7d9f8c6b5d-x2x4z"))
        .allMatch(pod -> pods.matcher(pod).matches());
    assertThat(List.of("ledger-replicax1", "ledger-main-0", "xledger-main", "ledger-mai"))
        .noneMatch(pod -> pods.matcher(pod).matches());
  }

  @Test
  void aCurrentPodsNameIsEscapedSoThatItMatchesItselfOnly() {
    ResourceQuery web = new ResourceQuery("shop", "apps/v1", "Deployment", "web", ResourceName.CPU);
    String odd = "a.b|c\"}or(vector(1)\\[x]*+?{2}^$\nd";

    String promql = CadvisorUsageQuery.of(web, STEP, List.of(odd)).expression();

    Pattern pods = podRegex(promql);
    assertThat(pods.matcher(odd).matches()).isTrue();
    assertThat(
            List.of(
                "a", "axb|c", "c\"}or(vector(1)", "a.b", "aab|c\"}or(vector(1)\\[x]*+?{2}^$\nd"))
        .noneMatch(pod -> pods.matcher(pod).matches());
    assertThat(promql).endsWith("\",container!=\"\",container!=\"POD\"}[120s]))");
  }

  @Test
  void theSameCurrentPodsInAnyOrderGiveTheSameQuery() {
    ResourceQuery set =
        new ResourceQuery("shop", "example.com/v1", "LedgerSet", "ledger", ResourceName.MEMORY);

    assertThat(CadvisorUsageQuery.of(set, STEP, List.of("ledger-b", "ledger-a", "ledger-b")))
        .isEqualTo(CadvisorUsageQuery.of(set, STEP, List.of("ledger-a", "ledger-b")));
  }

  @Test
  void atMostAHundredCurrentPodsAreListedTheFirstInNameOrder() {
    ResourceQuery set =
        new ResourceQuery("shop", "example.com/v1", "LedgerSet", "ledger", ResourceName.MEMORY);
    List<String> many =
        java.util.stream.IntStream.range(0, 150)
            .mapToObj(i -> String.format("ledger-shard-%03d", 149 - i))
            .toList();

    Pattern pods = podRegex(CadvisorUsageQuery.of(set, STEP, many).expression());

    assertThat(many.stream().filter(pod -> pods.matcher(pod).matches()))
        .hasSize(CadvisorUsageQuery.MAX_EXACT_PODS)
        .contains("ledger-shard-000", "ledger-shard-099")
        .doesNotContain("ledger-shard-100");
  }

  /** The regex of a query's {@code pod=~"..."} matcher, read as PromQL reads its string. */
  private static Pattern podRegex(String promql) {
    int start = promql.indexOf("pod=~\"") + "pod=~\"".length();
    StringBuilder regex = new StringBuilder();
    for (int i = start; promql.charAt(i) != '"'; i++) {
      char c = promql.charAt(i);
      if (c == '\\') {
        char next = promql.charAt(++i);
        regex.append(next == 'n' ? '\n' : next);
      } else {
        regex.append(c);
      }
    }
    return Pattern.compile(regex.toString());
  }
}
