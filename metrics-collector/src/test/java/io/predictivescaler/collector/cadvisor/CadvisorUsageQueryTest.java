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
}
