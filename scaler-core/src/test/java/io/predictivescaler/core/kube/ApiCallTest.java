package io.predictivescaler.core.kube;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiCallTest {

  @Test
  void mapsRequestsToRbacTerms() {
    assertThat(ApiCall.of("GET", "/apis/apps/v1/namespaces/shop/deployments/checkout"))
        .isEqualTo(new ApiCall("apps", "deployments", "get"));
    assertThat(ApiCall.of("PATCH", "/apis/apps/v1/namespaces/shop/deployments/checkout/scale"))
        .isEqualTo(new ApiCall("apps", "deployments/scale", "patch"));
    assertThat(ApiCall.of("GET", "/apis/autoscaling/v2/namespaces/shop/horizontalpodautoscalers"))
        .isEqualTo(new ApiCall("autoscaling", "horizontalpodautoscalers", "list"));
    assertThat(ApiCall.of("GET", "/api/v1/configmaps?labelSelector=a%3Db&watch=true"))
        .isEqualTo(new ApiCall("", "configmaps", "watch"));
    assertThat(ApiCall.of("POST", "/api/v1/namespaces/shop/events"))
        .isEqualTo(new ApiCall("", "events", "create"));
    assertThat(ApiCall.of("PUT", "/apis/coordination.k8s.io/v1/namespaces/ops/leases/x"))
        .isEqualTo(new ApiCall("coordination.k8s.io", "leases", "update"));
  }

  @Test
  void ignoresDiscovery() {
    assertThat(ApiCall.of("GET", "/apis/keda.sh/v1alpha1")).isNull();
    assertThat(ApiCall.of("GET", "/version")).isNull();
  }
}
