package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyStoreTest {

  private static final ConfigMapRef SHOP_A = new ConfigMapRef("shop", "policies-a");
  private static final ConfigMapRef SHOP_B = new ConfigMapRef("shop", "policies-b");
  private static final ConfigMapRef OPS = new ConfigMapRef("ops", "policies");
  private static final TargetRef CHECKOUT = TargetRef.deployment("shop", "checkout");
  private static final TargetRef CART = TargetRef.deployment("shop", "cart");

  private final PolicyStore store = new PolicyStore(Optional.of("ops"));

  @Test
  void acceptedDocumentsMergeIntoOneSetWithTheirSources() {
    store.apply(SHOP_A, workload("checkout", 10));
    store.apply(SHOP_B, workload("cart", 5));

    PolicySet set = store.current();

    assertThat(set.workloads().keySet()).containsExactly(CART, CHECKOUT);
    assertThat(set.source(CHECKOUT)).contains(SHOP_A);
    assertThat(set.source(CART)).contains(SHOP_B);
  }

  @Test
  void invalidDocumentKeepsTheLastGoodOne() {
    store.apply(SHOP_A, workload("checkout", 10));

    var errors = store.apply(SHOP_A, workload("checkout", 0));

    assertThat(errors)
        .extracting(ConfigError::toString)
        .containsExactly("workloads[0].maxReplicas: must be >= 1, got 0");
    assertThat(store.current().policy(CHECKOUT).orElseThrow().maxReplicas()).isEqualTo(10);
  }

  @Test
  void workloadDefinedInTwoConfigMapsIsRejectedNamingBoth() {
    store.apply(SHOP_A, workload("checkout", 10));

    var errors = store.apply(SHOP_B, workload("cart", 5) + workloadItem("checkout", 7));

    assertThat(errors)
        .extracting(ConfigError::toString)
        .containsExactly(
            "workloads[1].target: Deployment shop/checkout is defined in both"
                + " ConfigMap shop/policies-b and ConfigMap shop/policies-a");
    assertThat(store.current().workloads().keySet()).containsExactly(CHECKOUT);
  }

  @Test
  void rejectedConflictIsAcceptedOnRetryOnceTheOtherConfigMapIsGone() {
    store.apply(SHOP_A, workload("checkout", 10));
    store.apply(SHOP_B, workload("checkout", 7));

    boolean changed = store.remove(SHOP_A);
    var retried = store.retryPending();

    assertThat(changed).isTrue();
    assertThat(retried).containsExactly(SHOP_B);
    assertThat(store.current().policy(CHECKOUT).orElseThrow().maxReplicas()).isEqualTo(7);
    assertThat(store.current().source(CHECKOUT)).contains(SHOP_B);
  }

  @Test
  void removingAConfigMapRemovesItsWorkloads() {
    store.apply(SHOP_A, workload("checkout", 10));
    store.apply(SHOP_B, workload("cart", 5));

    store.remove(SHOP_A);

    assertThat(store.current().workloads().keySet()).containsExactly(CART);
  }

  @Test
  void configMapMayNotTargetAnotherNamespace() {
    var errors = store.apply(SHOP_A, workloadIn("payments", "ledger"));

    assertThat(errors)
        .extracting(ConfigError::toString)
        .containsExactly(
            "workloads[0].target.namespace: must be the ConfigMap's namespace (shop) unless the"
                + " ConfigMap is in ops, got payments");
    assertThat(store.current().size()).isZero();
  }

  @Test
  void configMapInTheControlNamespaceMayTargetAnyNamespace() {
    var errors = store.apply(OPS, workloadIn("payments", "ledger"));

    assertThat(errors).isEmpty();
    assertThat(store.current().source(TargetRef.deployment("payments", "ledger"))).contains(OPS);
  }

  @Test
  void withoutAControlNamespaceNoConfigMapCrossesNamespaces() {
    PolicyStore strict = new PolicyStore(Optional.empty());

    var errors = strict.apply(OPS, workloadIn("payments", "ledger"));

    assertThat(errors)
        .extracting(ConfigError::toString)
        .containsExactly(
            "workloads[0].target.namespace: must be the ConfigMap's namespace (ops), got payments");
  }

  static String workload(String name, int maxReplicas) {
    return "workloads:\n" + workloadItem(name, maxReplicas);
  }

  static String workloadItem(String name, int maxReplicas) {
    return """
          - target: {name: %s}
            metric: {prometheus: 'sum(rate(http_requests_total{app="%s"}[1m]))'}
            targetPerReplica: 100
            maxReplicas: %d
        """
        .formatted(name, name, maxReplicas);
  }

  private static String workloadIn(String namespace, String name) {
    return """
        workloads:
          - target: {namespace: %s, name: %s}
            metric: {resource: cpu}
            targetUtilization: 80
            maxReplicas: 4
        """
        .formatted(namespace, name);
  }
}
