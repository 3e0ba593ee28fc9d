package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.predictivescaler.core.actuate.ApiRetry;
import io.predictivescaler.core.actuate.HpaFloorActuator;
import io.predictivescaler.core.actuate.WriteFence;
import io.predictivescaler.core.config.TargetRef;
import io.predictivescaler.core.kube.Fixtures;
import io.predictivescaler.core.kube.NoBuiltInRetries;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(
    crud = true,
    https = false,
    kubernetesClientBuilderCustomizer = NoBuiltInRetries.class)
class RestoreHpaFloorsCommandTest {

  private static final AtomicInteger RUNS = new AtomicInteger();

  static KubernetesClient client;
  static KubernetesMockServer server;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private String shop;
  private String cart;

  @BeforeEach
  void setUp() {
    int run = RUNS.incrementAndGet();
    shop = "shop" + run;
    cart = "cart" + run;
    HpaFloorActuator actuator = new HpaFloorActuator(client, ApiRetry.defaults(), WriteFence.OPEN);
    for (String ns : new String[] {shop, cart}) {
      Fixtures.deployment(client, ns, "web", 2);
      Fixtures.hpa(client, ns, "web", "web", 2, 10);
      actuator.apply(TargetRef.deployment(ns, "web"), 2, 8);
    }
  }

  @Test
  void restoresRaisedFloorsInTheNamedNamespacesOnly() {
    int code = run("--namespace", shop);

    assertThat(code).isZero();
    assertThat(minReplicas(shop)).isEqualTo(2);
    assertThat(minReplicas(cart)).isEqualTo(8);
    assertThat(text(out)).contains("restored the floor of " + shop + "/web", "1 HPA floor(s)");
  }

  @Test
  void restoresEveryNamespaceWithAllNamespaces() {
    int code = run("--all-namespaces");

    assertThat(code).isZero();
    assertThat(minReplicas(shop)).isEqualTo(2);
    assertThat(minReplicas(cart)).isEqualTo(2);
  }

  @Test
  void acceptsTheNamespaceFlagRepeated() {
    int code = run("--namespace=" + shop, "--namespace", cart);

    assertThat(code).isZero();
    assertThat(minReplicas(shop)).isEqualTo(2);
    assertThat(minReplicas(cart)).isEqualTo(2);
  }

  @Test
  void findsNothingToDoTheSecondTime() {
    run("--all-namespaces");
    out.reset();

    int code = run("--all-namespaces");

    assertThat(code).isZero();
    assertThat(text(out)).contains("0 HPA floor(s) restored, 0 failed");
  }

  @Test
  void exitsTwoWithoutANamespaceChoice() {
    int code = run();

    assertThat(code).isEqualTo(RestoreHpaFloorsCommand.EXIT_USAGE);
    assertThat(text(err)).contains("--namespace NS", "--all-namespaces");
    assertThat(minReplicas(shop)).isEqualTo(8);
  }

  @Test
  void mainRunsTheSubcommand() throws InterruptedException {
    int code =
        Main.run(
            new String[] {RestoreHpaFloorsCommand.NAME, "--bogus"},
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(code).isEqualTo(RestoreHpaFloorsCommand.EXIT_USAGE);
    assertThat(text(err)).contains("restore-hpa-floors: unknown or incomplete argument '--bogus'");
  }

  private int run(String... args) {
    return RestoreHpaFloorsCommand.run(
        args,
        server::createClient, // the command closes the client it is given
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private int minReplicas(String ns) {
    return client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(ns)
        .withName("web")
        .get()
        .getSpec()
        .getMinReplicas();
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
