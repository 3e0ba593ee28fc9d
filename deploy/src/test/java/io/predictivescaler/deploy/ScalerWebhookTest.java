package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhook;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The admission webhook: off by default; when enabled a ValidatingWebhookConfiguration that can
 * never block ConfigMap writes, the Service port and the pod's listener, and TLS either from
 * cert-manager or from a CA the chart generates.
 */
class ScalerWebhookTest {

  private static final String FULLNAME = ScalerPods.FULLNAME;
  private static final String SECRET = FULLNAME + "-webhook-tls";
  private static final List<String> DNS_NAMES =
      List.of(
          FULLNAME, FULLNAME + ".ops", FULLNAME + ".ops.svc", FULLNAME + ".ops.svc.cluster.local");

  private static List<HasMetadata> render(Map<String, ?> values) {
    return ChartRenderer.renderObjects(ChartRenderer.SCALER, values);
  }

  private static Map<String, Object> enabled(Object... more) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("webhook.enabled", true);
    for (int i = 0; i < more.length; i += 2) {
      values.put((String) more[i], more[i + 1]);
    }
    return values;
  }

  private static ValidatingWebhook webhook(List<HasMetadata> objects) {
    return Manifests.named(objects, ValidatingWebhookConfiguration.class, FULLNAME)
        .getWebhooks()
        .get(0);
  }

  @Test
  void rendersNoWebhookByDefault() {
    List<HasMetadata> objects = render(Map.of());
    Container container = ScalerPods.container(Map.of());

    assertThat(Manifests.ofType(objects, ValidatingWebhookConfiguration.class)).isEmpty();
    assertThat(Manifests.ofType(objects, Secret.class)).isEmpty();
    assertThat(container.getPorts()).extracting(p -> p.getName()).containsExactly("http");
    assertThat(ScalerPods.env(container)).doesNotContainKey("PREDICTIVE_SCALER_WEBHOOK_CERT_DIR");
  }

  @Test
  void neverBlocksConfigMapWritesAndSeesOnlyPolicyConfigMaps() {
    ValidatingWebhook webhook = webhook(render(enabled()));

    assertThat(webhook.getFailurePolicy()).isEqualTo("Ignore");
    assertThat(webhook.getSideEffects()).isEqualTo("None");
    assertThat(webhook.getTimeoutSeconds()).isEqualTo(5);
    assertThat(webhook.getAdmissionReviewVersions()).containsExactly("v1");
    assertThat(webhook.getObjectSelector().getMatchLabels())
        .containsExactly(Map.entry("predictive-scaler.io/policy", "true"));
    assertThat(webhook.getNamespaceSelector()).isNull();
    assertThat(webhook.getRules())
        .singleElement()
        .satisfies(
            rule -> {
              assertThat(rule.getApiGroups()).containsExactly("");
              assertThat(rule.getResources()).containsExactly("configmaps");
              assertThat(rule.getOperations()).containsExactly("CREATE", "UPDATE");
            });
  }

  @Test
  void callsTheServicesWebhookPortOnThePathTheServiceServes() {
    List<HasMetadata> objects = render(enabled("webhook.port", 10443));
    Container container = ScalerPods.container(enabled("webhook.port", 10443));

    var service = webhook(objects).getClientConfig().getService();
    assertThat(service.getName()).isEqualTo(FULLNAME);
    assertThat(service.getNamespace()).isEqualTo(ChartRenderer.NAMESPACE);
    assertThat(service.getPath()).isEqualTo("/validate-policy");
    assertThat(
            Manifests.named(objects, Service.class, FULLNAME).getSpec().getPorts().stream()
                .filter(p -> p.getPort().equals(service.getPort())))
        .singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getStrVal()).isEqualTo("webhook"));
    assertThat(container.getPorts())
        .filteredOn(p -> p.getName().equals("webhook"))
        .singleElement()
        .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(10443));
    assertThat(ScalerPods.env(container).get("PREDICTIVE_SCALER_WEBHOOK_PORT").getValue())
        .isEqualTo("10443");
  }

  @Test
  void mountsTheCertificateSecretWhereTheServiceReadsIt() {
    List<HasMetadata> objects = render(enabled());
    var pod = ScalerPods.template(objects).getSpec();
    Container container = pod.getContainers().get(0);

    String dir = ScalerPods.env(container).get("PREDICTIVE_SCALER_WEBHOOK_CERT_DIR").getValue();
    String volume =
        container.getVolumeMounts().stream()
            .filter(m -> m.getMountPath().equals(dir))
            .findFirst()
            .orElseThrow()
            .getName();
    Volume secret =
        pod.getVolumes().stream().filter(v -> v.getName().equals(volume)).findFirst().orElseThrow();
    assertThat(secret.getSecret().getSecretName()).isEqualTo(SECRET);
    assertThat(secret.getSecret().getItems())
        .extracting(i -> i.getPath())
        .containsExactlyInAnyOrder("tls.crt", "tls.key");
  }

  @Test
  void generatesACaAndACertificateForTheServiceNamesWithTheCaAsCaBundle() throws Exception {
    List<HasMetadata> objects = render(enabled());

    Secret secret = Manifests.named(objects, Secret.class, SECRET);
    X509Certificate ca = certificate(secret.getData().get("ca.crt"));
    X509Certificate leaf = certificate(secret.getData().get("tls.crt"));
    assertThat(secret.getType()).isEqualTo("kubernetes.io/tls");
    assertThat(secret.getData()).containsKey("tls.key");
    assertThat(webhook(objects).getClientConfig().getCaBundle())
        .isEqualTo(secret.getData().get("ca.crt"));
    leaf.verify(ca.getPublicKey());
    assertThat(leaf.getSubjectAlternativeNames().stream().map(san -> (Object) san.get(1)))
        .containsAll(List.copyOf(DNS_NAMES));
    assertThat(
            Manifests.named(objects, ValidatingWebhookConfiguration.class, FULLNAME)
                .getMetadata()
                .getAnnotations())
        .isNullOrEmpty();
  }

  @Test
  void takesTheCertificateFromCertManagerWithASelfSignedIssuerByDefault() {
    List<HasMetadata> objects = render(enabled("webhook.certManager.enabled", true));

    GenericKubernetesResource certificate =
        Manifests.custom(objects, "Certificate").stream().findFirst().orElseThrow();
    Map<String, Object> spec = Manifests.spec(certificate);
    GenericKubernetesResource issuer =
        Manifests.custom(objects, "Issuer").stream().findFirst().orElseThrow();
    assertThat(spec).containsEntry("secretName", SECRET).containsEntry("dnsNames", DNS_NAMES);
    assertThat(spec.get("issuerRef"))
        .isEqualTo(
            Map.of(
                "name",
                issuer.getMetadata().getName(),
                "kind",
                "Issuer",
                "group",
                "cert-manager.io"));
    assertThat(Manifests.spec(issuer)).containsKey("selfSigned");
    assertThat(Manifests.ofType(objects, Secret.class)).isEmpty();
    assertThat(
            Manifests.named(objects, ValidatingWebhookConfiguration.class, FULLNAME)
                .getMetadata()
                .getAnnotations())
        .containsEntry(
            "cert-manager.io/inject-ca-from",
            ChartRenderer.NAMESPACE + "/" + certificate.getMetadata().getName());
    assertThat(webhook(objects).getClientConfig().getCaBundle()).isNull();
  }

  @Test
  void signsWithTheNamedIssuerWithoutCreatingOne() {
    List<HasMetadata> objects =
        render(
            enabled(
                "webhook.certManager.enabled", true,
                "webhook.certManager.issuerRef.name", "cluster-ca",
                "webhook.certManager.issuerRef.kind", "ClusterIssuer"));

    Map<String, Object> spec = Manifests.spec(Manifests.custom(objects, "Certificate").get(0));

    assertThat(Manifests.custom(objects, "Issuer")).isEmpty();
    assertThat(spec.get("issuerRef"))
        .isEqualTo(
            Map.of("name", "cluster-ca", "kind", "ClusterIssuer", "group", "cert-manager.io"));
  }

  @Test
  void checksOnlyTheNamespacesTheScalerWatches() {
    ValidatingWebhook webhook = webhook(render(enabled("namespaces[0]", "shop")));

    assertThat(webhook.getNamespaceSelector().getMatchExpressions())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getKey()).isEqualTo("kubernetes.io/metadata.name");
              assertThat(e.getOperator()).isEqualTo("In");
              assertThat(e.getValues()).containsExactly("shop", ChartRenderer.NAMESPACE);
            });
  }

  @Test
  void letsTheApiServerReachTheWebhookPortFromItsCidrsWhenKnown() {
    NetworkPolicy open = Manifests.named(render(enabled()), NetworkPolicy.class, FULLNAME);
    NetworkPolicy closed =
        Manifests.named(
            render(enabled("networkPolicy.apiServer.cidrs[0]", "10.0.0.1/32")),
            NetworkPolicy.class,
            FULLNAME);

    NetworkPolicyIngressRule anySource = webhookRule(open);
    NetworkPolicyIngressRule apiServer = webhookRule(closed);
    assertThat(anySource.getFrom()).isEmpty();
    assertThat(apiServer.getFrom())
        .singleElement()
        .satisfies(peer -> assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.0.0.1/32"));
    assertThat(closed.getSpec().getIngress())
        .filteredOn(rule -> rule != apiServer)
        .allSatisfy(rule -> assertThat(rule.getFrom()).isNotEmpty())
        .flatExtracting(NetworkPolicyIngressRule::getPorts)
        .extracting(p -> p.getPort().getStrVal())
        .containsOnly("http");
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "webhook.port | 443 | at '/webhook/port': minimum",
        "webhook.timeoutSeconds | 31 | at '/webhook/timeoutSeconds': maximum",
        "webhook.certManager.issuerRef.kind | CA | at '/webhook/certManager/issuerRef/kind'",
        "webhook.certManager.issuer | x | at '/webhook/certManager': additional properties"
            + " 'issuer' not allowed",
      })
  void rejectsBadWebhookValuesNamingTheField(String key, String value, String expected) {
    String error = ChartRenderer.renderError(ChartRenderer.SCALER, Map.of(key, value));

    assertThat(error).contains("values don't meet the specifications").contains(expected);
  }

  @Test
  void rejectsTheOpsPortAsTheWebhookPort() {
    String error = ChartRenderer.renderError(ChartRenderer.SCALER, enabled("webhook.port", 8080));

    assertThat(error).contains("webhook.port 8080 is httpPort too");
  }

  private static NetworkPolicyIngressRule webhookRule(NetworkPolicy policy) {
    return policy.getSpec().getIngress().stream()
        .filter(r -> r.getPorts().stream().anyMatch(p -> "webhook".equals(p.getPort().getStrVal())))
        .findFirst()
        .orElseThrow();
  }

  private static X509Certificate certificate(String base64Pem) throws Exception {
    return (X509Certificate)
        CertificateFactory.getInstance("X.509")
            .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64Pem)));
  }
}
