package io.predictivescaler.core.admission;

import static io.predictivescaler.core.admission.AdmissionReviewJson.create;
import static io.predictivescaler.core.admission.AdmissionReviewJson.createPolicy;
import static io.predictivescaler.core.admission.AdmissionReviewJson.policy;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.predictivescaler.core.config.ConfigMapPolicyWatcher;
import io.predictivescaler.core.config.ConfigMapRef;
import io.predictivescaler.core.config.PolicyParser;
import io.predictivescaler.core.config.PolicySet;
import io.predictivescaler.core.config.PolicyStore;
import io.predictivescaler.core.config.PolicyWatchOptions;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class AdmissionHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONTROL = "predictive-scaler";
  private static final String TENANT_QUERY = "sum(rate(http_requests_total{app=\"checkout\"}[1m]))";
  private static final String OTHER_NAMESPACE_QUERY =
      "sum(rate(http_requests_total{namespace=\"billing\",app=\"checkout\"}[1m]))";
  private static final String TWO_BAD_FIELDS =
      policy("shop", "checkout", TENANT_QUERY, "horizon: -5m", "quantile: 1.5");

  private final AtomicReference<PolicySet> inForce = new AtomicReference<>(PolicySet.EMPTY);
  private final PolicyWatchOptions options =
      new PolicyWatchOptions(List.of(), Optional.of(CONTROL), Set.of("observability"));
  private final AdmissionHandler handler =
      new AdmissionHandler(new PolicyAdmission(options, inForce::get));

  @Test
  void allowsAValidPolicyEchoingTheUid() throws Exception {
    AdmissionReply reply =
        handler.handle(
            createPolicy("uid-1", "shop", "policies", policy("shop", "checkout", TENANT_QUERY))
                .bytes());

    JsonNode review = JSON.readTree(reply.json());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.outcome()).isEqualTo(AdmissionReply.Outcome.ALLOWED);
    assertThat(review.get("apiVersion").asText()).isEqualTo("admission.k8s.io/v1");
    assertThat(review.get("kind").asText()).isEqualTo("AdmissionReview");
    assertThat(review.at("/response/uid").asText()).isEqualTo("uid-1");
    assertThat(review.at("/response/allowed").asBoolean()).isTrue();
    assertThat(review.at("/response/status").isMissingNode()).isTrue();
    assertThat(review.at("/response/warnings").isMissingNode()).isTrue();
  }

  @Test
  void deniesAnInvalidPolicyWithEveryFieldPathMessageOfTheRuntimeParser() throws Exception {
    AdmissionReply reply =
        handler.handle(createPolicy("uid-2", "shop", "policies", TWO_BAD_FIELDS).bytes());

    JsonNode response = JSON.readTree(reply.json()).get("response");
    List<String> runtime = PolicyParser.parse(TWO_BAD_FIELDS, "shop").messages();
    String message = response.at("/status/message").asText();
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.outcome()).isEqualTo(AdmissionReply.Outcome.DENIED);
    assertThat(response.get("uid").asText()).isEqualTo("uid-2");
    assertThat(response.get("allowed").asBoolean()).isFalse();
    assertThat(response.at("/status/code").asInt()).isEqualTo(422);
    assertThat(runtime).hasSize(2);
    assertThat(message.lines().toList())
        .containsExactly(
            "ConfigMap shop/policies: predictive-scaler rejects this policy (2 errors)",
            runtime.get(0),
            runtime.get(1));
    assertThat(message)
        .contains("workloads[0].horizon: ")
        .contains("-5m")
        .contains("workloads[0].quantile: ")
        .contains("1.5");
  }

  @Test
  void deniesATenantQueryThatCannotBeConfinedToItsNamespace() throws Exception {
    String yaml = policy("shop", "checkout", OTHER_NAMESPACE_QUERY);

    JsonNode response =
        JSON.readTree(handler.handle(createPolicy("u", "shop", "p", yaml).bytes()).json())
            .get("response");

    List<String> runtime =
        new PolicyStore(Optional.of(CONTROL), Set.of("observability"))
            .validate(new ConfigMapRef("shop", "p"), yaml).stream().map(Object::toString).toList();
    assertThat(response.get("allowed").asBoolean()).isFalse();
    assertThat(runtime)
        .singleElement()
        .asString()
        .startsWith("workloads[0].metric.prometheus: cannot be confined to the ConfigMap's");
    assertThat(response.at("/status/message").asText().lines().skip(1).toList()).isEqualTo(runtime);
  }

  @Test
  void allowsTheSameQueryInATrustedNamespace() throws Exception {
    String yaml = policy("observability", "checkout", OTHER_NAMESPACE_QUERY);

    JsonNode response =
        JSON.readTree(handler.handle(createPolicy("u", "observability", "p", yaml).bytes()).json())
            .get("response");

    assertThat(response.get("allowed").asBoolean()).isTrue();
  }

  @Test
  void deniesATargetOutsideTheConfigMapsNamespaceUnlessInTheControlNamespace() throws Exception {
    String yaml = policy("billing", "invoices", "sum(rate(invoices_total[1m]))");

    JsonNode tenant =
        JSON.readTree(handler.handle(createPolicy("u", "shop", "p", yaml).bytes()).json());
    JsonNode control =
        JSON.readTree(handler.handle(createPolicy("u", CONTROL, "p", yaml).bytes()).json());

    assertThat(tenant.at("/response/allowed").asBoolean()).isFalse();
    assertThat(tenant.at("/response/status/message").asText())
        .contains(
            "workloads[0].target.namespace: must be the ConfigMap's namespace (shop) unless the"
                + " ConfigMap is in predictive-scaler, got billing");
    assertThat(control.at("/response/allowed").asBoolean()).isTrue();
  }

  @Test
  void checksAnUpdateLikeACreate() throws Exception {
    AdmissionReply reply =
        handler.handle(createPolicy("u", "shop", "policies", TWO_BAD_FIELDS).asUpdate().bytes());

    assertThat(reply.outcome()).isEqualTo(AdmissionReply.Outcome.DENIED);
  }

  @Test
  void allowsADeleteWhateverTheOldContent() throws Exception {
    AdmissionReply reply =
        handler.handle(AdmissionReviewJson.delete("uid-3", "shop", "policies").bytes());

    JsonNode response = JSON.readTree(reply.json()).get("response");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(response.get("uid").asText()).isEqualTo("uid-3");
    assertThat(response.get("allowed").asBoolean()).isTrue();
  }

  @Test
  void allowsAConfigMapWithoutThePolicyLabelWhateverItHolds() throws Exception {
    byte[] unlabelled =
        create("u", "shop", "app-config")
            .data(ConfigMapPolicyWatcher.POLICY_KEY, TWO_BAD_FIELDS)
            .bytes();
    byte[] labelledFalse =
        create("u", "shop", "app-config")
            .label(ConfigMapPolicyWatcher.POLICY_LABEL, "false")
            .data(ConfigMapPolicyWatcher.POLICY_KEY, TWO_BAD_FIELDS)
            .bytes();

    assertThat(handler.handle(unlabelled).outcome()).isEqualTo(AdmissionReply.Outcome.ALLOWED);
    assertThat(handler.handle(labelledFalse).outcome()).isEqualTo(AdmissionReply.Outcome.ALLOWED);
  }

  @Test
  void deniesALabelledConfigMapWithoutThePolicyKeyAsTheServiceRejectsIt() throws Exception {
    byte[] body =
        create("u", "shop", "policies")
            .label(ConfigMapPolicyWatcher.POLICY_LABEL, "true")
            .data("policy.yaml", policy("shop", "checkout", TENANT_QUERY))
            .bytes();

    JsonNode response = JSON.readTree(handler.handle(body).json()).get("response");

    assertThat(response.get("allowed").asBoolean()).isFalse();
    assertThat(response.at("/status/message").asText())
        .endsWith("\n" + ConfigMapPolicyWatcher.MISSING_POLICY_KEY)
        .contains("the ConfigMap has no key policies.yaml");
  }

  @Test
  void allowsWithAWarningAConfigMapInANamespaceTheServiceDoesNotWatch() throws Exception {
    AdmissionHandler namespaced =
        new AdmissionHandler(
            new PolicyAdmission(
                new PolicyWatchOptions(List.of("shop", CONTROL), Optional.of(CONTROL)),
                () -> PolicySet.EMPTY));

    JsonNode response =
        JSON.readTree(
                namespaced.handle(createPolicy("u", "billing", "p", TWO_BAD_FIELDS).bytes()).json())
            .get("response");

    assertThat(response.get("allowed").asBoolean()).isTrue();
    assertThat(response.get("warnings"))
        .singleElement()
        .satisfies(w -> assertThat(w.asText()).contains("does not watch namespace billing"));
  }

  @Test
  void warnsWhenAnotherConfigMapAlreadyDefinesTheWorkload() throws Exception {
    PolicyStore store = new PolicyStore(Optional.of(CONTROL));
    String yaml = policy("shop", "checkout", TENANT_QUERY);
    assertThat(store.apply(new ConfigMapRef("shop", "older"), yaml)).isEmpty();
    inForce.set(store.current());

    JsonNode response =
        JSON.readTree(handler.handle(createPolicy("u", "shop", "newer", yaml).bytes()).json())
            .get("response");
    JsonNode sameConfigMap =
        JSON.readTree(handler.handle(createPolicy("u", "shop", "older", yaml).bytes()).json())
            .get("response");

    assertThat(response.get("allowed").asBoolean()).isTrue();
    assertThat(response.get("warnings"))
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.asText())
                    .startsWith(
                        "workloads[0].target: Deployment shop/checkout is also defined by"
                            + " ConfigMap shop/older"));
    assertThat(sameConfigMap.has("warnings")).isFalse();
  }

  @Test
  void allowsObjectsThatAreNotConfigMaps() {
    byte[] body = createPolicy("u", "shop", "p", TWO_BAD_FIELDS).requestKind("Secret").bytes();

    assertThat(handler.handle(body).outcome()).isEqualTo(AdmissionReply.Outcome.ALLOWED);
  }

  @Test
  void answersABodyThatIsNotJsonWith400() throws Exception {
    AdmissionReply reply = handler.handle("{not json".getBytes(StandardCharsets.UTF_8));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.outcome()).isEqualTo(AdmissionReply.Outcome.MALFORMED);
    assertThat(JSON.readTree(reply.json()).get("error").asText())
        .startsWith("not an admission.k8s.io/v1 AdmissionReview request: the body is not JSON");
  }

  @Test
  void answersAnotherApiVersionWith400NamingIt() throws Exception {
    AdmissionReply reply =
        handler.handle(
            createPolicy("u", "shop", "p", TWO_BAD_FIELDS)
                .apiVersion("admission.k8s.io/v1beta1")
                .bytes());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(JSON.readTree(reply.json()).get("error").asText())
        .contains("expected apiVersion admission.k8s.io/v1 and kind AdmissionReview")
        .contains("got apiVersion 'admission.k8s.io/v1beta1'");
  }

  @Test
  void answersARequestWithoutUidOrObjectWith400NamingTheField() throws Exception {
    AdmissionReply noUid =
        handler.handle(createPolicy("u", "shop", "p", TWO_BAD_FIELDS).without("uid").bytes());
    AdmissionReply noObject =
        handler.handle(createPolicy("u", "shop", "p", TWO_BAD_FIELDS).without("object").bytes());
    AdmissionReply badOperation =
        handler.handle(
            createPolicy("u", "shop", "p", TWO_BAD_FIELDS).request("operation", "PATCH").bytes());

    assertThat(noUid.status()).isEqualTo(400);
    assertThat(JSON.readTree(noUid.json()).get("error").asText())
        .contains("request.uid: must be a non-empty string, got nothing");
    assertThat(noObject.status()).isEqualTo(400);
    assertThat(JSON.readTree(noObject.json()).get("error").asText())
        .contains("request.object: missing, a CREATE must carry one");
    assertThat(badOperation.status()).isEqualTo(400);
    assertThat(JSON.readTree(badOperation.json()).get("error").asText())
        .contains(
            "request.operation: must be one of [CREATE, UPDATE, DELETE, CONNECT], got 'PATCH'");
  }
}
