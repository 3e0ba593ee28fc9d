package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceConfigParserTest {

  @TempDir Path dir;

  @Test
  void appliesDefaultsOutsideACluster() {
    ServiceConfig config = ServiceConfigParser.parse(new String[0], Map.of("POD_NAME", "scaler-0"));

    assertThat(config.prometheusUrl()).isNull();
    assertThat(config.namespaces()).isEmpty();
    assertThat(config.httpPort()).isEqualTo(8080);
    assertThat(config.logFormat()).isEqualTo(LogFormat.TEXT);
    assertThat(config.logLevel()).isEqualTo(LogLevel.INFO);
    assertThat(config.kubeContext()).isNull();
    assertThat(config.leaseName()).isEqualTo("predictive-scaler");
    assertThat(config.leaseNamespace()).isEqualTo("default");
    assertThat(config.identity()).isEqualTo("scaler-0");
    assertThat(config.tick()).isEqualTo(new TickSettings(4, 0.5));
  }

  @Test
  void logsJsonByDefaultInsideACluster() {
    ServiceConfig config =
        ServiceConfigParser.parse(
            new String[0],
            Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "POD_NAME", "p", "POD_NAMESPACE", "ops"));

    assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
    assertThat(config.leaseNamespace()).isEqualTo("ops");
  }

  @Test
  void readsEverySettingFromTheEnvironment() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "t0k3n");
    Path ca = Files.writeString(dir.resolve("ca.pem"), "pem");
    Map<String, String> env = new HashMap<>();
    env.put("PREDICTIVE_SCALER_PROMETHEUS_URL", "https://prometheus.monitoring:9090");
    env.put("PREDICTIVE_SCALER_PROMETHEUS_BEARER_TOKEN_FILE", token.toString());
    env.put("PREDICTIVE_SCALER_PROMETHEUS_CA_FILE", ca.toString());
    env.put("PREDICTIVE_SCALER_NAMESPACES", "shop, payments,shop");
    env.put("PREDICTIVE_SCALER_HTTP_PORT", "9100");
    env.put("PREDICTIVE_SCALER_LOG_FORMAT", "JSON");
    env.put("PREDICTIVE_SCALER_LEASE_NAME", "scaler-lock");
    env.put("PREDICTIVE_SCALER_LEASE_NAMESPACE", "ops");
    env.put("POD_NAME", "scaler-1");

    ServiceConfig config = ServiceConfigParser.parse(new String[0], env);

    assertThat(config.prometheusUrl()).isEqualTo(URI.create("https://prometheus.monitoring:9090"));
    assertThat(config.prometheusBearerTokenFile()).isEqualTo(token);
    assertThat(config.prometheusCaFile()).isEqualTo(ca);
    assertThat(config.namespaces()).containsExactly("shop", "payments");
    assertThat(config.httpPort()).isEqualTo(9100);
    assertThat(config.logFormat()).isEqualTo(LogFormat.JSON);
    assertThat(config.leaderElection().leaseName()).isEqualTo("scaler-lock");
    assertThat(config.leaderElection().leaseNamespace()).isEqualTo("ops");
    assertThat(config.leaderElection().identity()).isEqualTo("scaler-1");
  }

  @Test
  void flagsWinOverTheEnvironment() {
    ServiceConfig config =
        ServiceConfigParser.parse(
            new String[] {
              "--http-port", "9200", "--prometheus-url=http://localhost:9090", "--identity", "me"
            },
            Map.of("PREDICTIVE_SCALER_HTTP_PORT", "9100", "POD_NAME", "scaler-0"));

    assertThat(config.httpPort()).isEqualTo(9200);
    assertThat(config.prometheusUrl()).isEqualTo(URI.create("http://localhost:9090"));
    assertThat(config.identity()).isEqualTo("me");
  }

  @Test
  void trustsNoNamespacesPromQlByDefaultAndReadsTheTrustedOnes() {
    ServiceConfig none = ServiceConfigParser.parse(new String[0], Map.of("POD_NAME", "p"));
    ServiceConfig fromFlag =
        ServiceConfigParser.parse(
            new String[] {"--prometheus-trusted-namespaces", "ops, monitoring,ops"},
            Map.of("POD_NAME", "p", "PREDICTIVE_SCALER_PROMETHEUS_TRUSTED_NAMESPACES", "other"));
    ServiceConfig fromEnv =
        ServiceConfigParser.parse(
            new String[0],
            Map.of("POD_NAME", "p", "PREDICTIVE_SCALER_PROMETHEUS_TRUSTED_NAMESPACES", "ops"));

    assertThat(none.prometheusTrustedNamespaces()).isEmpty();
    assertThat(fromFlag.prometheusTrustedNamespaces())
        .containsExactlyInAnyOrder("ops", "monitoring");
    assertThat(fromEnv.prometheusTrustedNamespaces()).containsExactly("ops");
  }

  @Test
  void namesTheFlagAndTheValueOfABadTrustedNamespace() {
    assertThatThrownBy(
            () ->
                ServiceConfigParser.parse(
                    new String[] {"--prometheus-trusted-namespaces", "ops,Shop_1"},
                    Map.of("POD_NAME", "p")))
        .isInstanceOf(ServiceConfigException.class)
        .extracting(e -> ((ServiceConfigException) e).problems())
        .isEqualTo(
            List.of(
                "--prometheus-trusted-namespaces: 'Shop_1' is not a valid namespace name"
                    + " (RFC 1123 label), got 'ops,Shop_1'"));
  }

  @Test
  void namesTheVariableAndTheValueOfABadPort() {
    assertThatThrownBy(
            () ->
                ServiceConfigParser.parse(
                    new String[0], Map.of("PREDICTIVE_SCALER_HTTP_PORT", "70000")))
        .isInstanceOf(ServiceConfigException.class)
        .extracting(e -> ((ServiceConfigException) e).problems())
        .isEqualTo(
            List.of("PREDICTIVE_SCALER_HTTP_PORT: must be a port number 1..65535, got '70000'"));
  }

  @Test
  void readsTheTickWorkersAndBudgetFromTheFlagOrTheEnvironment() {
    ServiceConfig config =
        ServiceConfigParser.parse(
            new String[] {"--tick-workers", "8"},
            Map.of("PREDICTIVE_SCALER_TICK_BUDGET", "0.25", "POD_NAME", "p"));

    assertThat(config.tick()).isEqualTo(new TickSettings(8, 0.25));
    assertThat(config.tick().budgetFor(Duration.ofSeconds(15))).isEqualTo(Duration.ofMillis(3750));
  }

  @Test
  void namesTheFlagAndTheValueOfBadTickSettings() {
    assertThatThrownBy(
            () ->
                ServiceConfigParser.parse(
                    new String[] {"--tick-workers", "0"},
                    Map.of("PREDICTIVE_SCALER_TICK_BUDGET", "1.5", "POD_NAME", "p")))
        .isInstanceOf(ServiceConfigException.class)
        .extracting(e -> ((ServiceConfigException) e).problems())
        .isEqualTo(
            List.of(
                "--tick-workers: must be a whole number of threads 1..64, got '0'",
                "PREDICTIVE_SCALER_TICK_BUDGET: must be a fraction of the step above 0 and below"
                    + " 1, like 0.5, got '1.5'"));
  }

  @Test
  void rejectsATickBudgetThatIsNotANumber() {
    assertThatThrownBy(
            () -> ServiceConfigParser.parse(new String[] {"--tick-budget", "5s"}, Map.of()))
        .isInstanceOf(ServiceConfigException.class)
        .hasMessageContaining("--tick-budget: must be a fraction of the step")
        .hasMessageContaining("got '5s'");
  }

  @Test
  void namesTheFlagWhenTheBadValueCameFromTheCommandLine() {
    assertThatThrownBy(
            () -> ServiceConfigParser.parse(new String[] {"--log-format", "yaml"}, Map.of()))
        .isInstanceOf(ServiceConfigException.class)
        .hasMessageContaining("--log-format: must be json or text, got 'yaml'");
  }

  @Test
  void readsTheLogLevelFromTheFlagOrTheEnvironment() {
    ServiceConfig fromEnv =
        ServiceConfigParser.parse(
            new String[0], Map.of("PREDICTIVE_SCALER_LOG_LEVEL", "DEBUG", "POD_NAME", "p"));
    ServiceConfig fromFlag =
        ServiceConfigParser.parse(
            new String[] {"--log-level", "warn"},
            Map.of("PREDICTIVE_SCALER_LOG_LEVEL", "debug", "POD_NAME", "p"));

    assertThat(fromEnv.logLevel()).isEqualTo(LogLevel.DEBUG);
    assertThat(fromFlag.logLevel()).isEqualTo(LogLevel.WARN);
  }

  @Test
  void namesTheVariableAndTheValueOfABadLogLevel() {
    assertThatThrownBy(
            () ->
                ServiceConfigParser.parse(
                    new String[0], Map.of("PREDICTIVE_SCALER_LOG_LEVEL", "loud", "POD_NAME", "p")))
        .isInstanceOf(ServiceConfigException.class)
        .extracting(e -> ((ServiceConfigException) e).problems())
        .isEqualTo(
            List.of(
                "PREDICTIVE_SCALER_LOG_LEVEL: must be error, warn, info, debug or trace, got 'loud'"));
  }

  @Test
  void neverRepeatsThePasswordOfABadPrometheusUrl() {
    assertThatThrownBy(
            () ->
                ServiceConfigParser.parse(
                    new String[] {"--prometheus-url", "ftp://ops:hunter2@prom:9090"}, Map.of()))
        .isInstanceOf(ServiceConfigException.class)
        .extracting(e -> ((ServiceConfigException) e).problems())
        .isEqualTo(
            List.of(
                "--prometheus-url: must be an http(s) URL like http://prometheus:9090,"
                    + " got 'ftp://***@prom:9090'"));
  }

  @Test
  void reportsEveryProblemAtOnce() {
    Map<String, String> env =
        Map.of(
            "PREDICTIVE_SCALER_PROMETHEUS_URL", "prometheus:9090",
            "PREDICTIVE_SCALER_NAMESPACES", "shop,Bad_NS",
            "PREDICTIVE_SCALER_PROMETHEUS_BEARER_TOKEN_FILE", dir.resolve("missing").toString(),
            "PREDICTIVE_SCALER_LEASE_NAME", "Not A Name");

    assertThatThrownBy(() -> ServiceConfigParser.parse(new String[0], env))
        .isInstanceOf(ServiceConfigException.class)
        .satisfies(
            e ->
                assertThat(((ServiceConfigException) e).problems())
                    .containsExactlyInAnyOrder(
                        "PREDICTIVE_SCALER_PROMETHEUS_URL: must be an http(s) URL like http://prometheus:9090, got 'prometheus:9090'",
                        "PREDICTIVE_SCALER_PROMETHEUS_BEARER_TOKEN_FILE: file does not exist or is not readable, got '"
                            + dir.resolve("missing")
                            + "'",
                        "PREDICTIVE_SCALER_NAMESPACES: 'Bad_NS' is not a valid namespace name (RFC 1123 label), got 'shop,Bad_NS'",
                        "PREDICTIVE_SCALER_LEASE_NAME: must be a lower-case RFC 1123 name of at most 253 characters, got 'Not A Name'"));
  }

  @Test
  void rejectsBasicAuthWithoutItsPasswordFile() {
    Map<String, String> env =
        Map.of(
            "PREDICTIVE_SCALER_PROMETHEUS_URL", "http://prometheus:9090",
            "PREDICTIVE_SCALER_PROMETHEUS_USERNAME", "scaler");

    assertThatThrownBy(() -> ServiceConfigParser.parse(new String[0], env))
        .hasMessageContaining("basic auth needs both the user and the password file");
  }

  @Test
  void rejectsBearerTokenAndBasicAuthTogether() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "t");
    Path password = Files.writeString(dir.resolve("password"), "p");
    Map<String, String> env =
        Map.of(
            "PREDICTIVE_SCALER_PROMETHEUS_URL",
            "http://prometheus:9090",
            "PREDICTIVE_SCALER_PROMETHEUS_BEARER_TOKEN_FILE",
            token.toString(),
            "PREDICTIVE_SCALER_PROMETHEUS_USERNAME",
            "scaler",
            "PREDICTIVE_SCALER_PROMETHEUS_PASSWORD_FILE",
            password.toString());

    assertThatThrownBy(() -> ServiceConfigParser.parse(new String[0], env))
        .hasMessageContaining("choose bearer token or basic auth for Prometheus, not both");
  }

  @Test
  void rejectsAnUnknownFlag() {
    assertThatThrownBy(() -> ServiceConfigParser.parse(new String[] {"--colour"}, Map.of()))
        .isInstanceOf(ServiceConfigException.class)
        .hasMessageContaining("command line: Unknown option: '--colour'");
  }

  @Test
  void usageListsTheFlagsWithTheirVariables() {
    assertThat(ServiceConfigParser.usage())
        .contains("--prometheus-url")
        .contains("PREDICTIVE_SCALER_PROMETHEUS_URL")
        .contains("--http-port")
        .contains("--tick-workers")
        .contains("PREDICTIVE_SCALER_TICK_BUDGET");
    assertThat(ServiceConfigParser.helpRequested(new String[] {"--help"})).isTrue();
    assertThat(ServiceConfigParser.helpRequested(new String[] {"--http-port", "1"})).isFalse();
    assertThat(ServiceConfigParser.helpRequested(new String[] {"--version"})).isFalse();
    assertThat(ServiceConfigParser.versionRequested(new String[] {"--version"})).isTrue();
  }

  @Test
  void theOpsApiNeedsKubernetesAuthOnAllInterfacesByDefault() {
    ServiceConfig config = ServiceConfigParser.parse(new String[0], Map.of("POD_NAME", "p"));

    assertThat(config.opsAuth()).isEqualTo(OpsAuthMode.KUBERNETES);
    assertThat(config.opsBindAddress()).isEqualTo("0.0.0.0");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "--ops-auth=none, --ops-bind-address=127.0.0.1, NONE, 127.0.0.1",
    "--ops-auth=Kubernetes, --ops-bind-address=::, KUBERNETES, ::",
    "--ops-auth=kubernetes, --ops-bind-address=::1, KUBERNETES, ::1",
  })
  void readsTheOpsAuthAndBindAddressFlags(
      String auth, String address, OpsAuthMode mode, String expected) {
    ServiceConfig config =
        ServiceConfigParser.parse(new String[] {auth, address}, Map.of("POD_NAME", "p"));

    assertThat(config.opsAuth()).isEqualTo(mode);
    assertThat(config.opsBindAddress()).isEqualTo(expected);
  }

  @Test
  void readsTheOpsSettingsFromTheEnvironment() {
    ServiceConfig config =
        ServiceConfigParser.parse(
            new String[0],
            Map.of(
                "PREDICTIVE_SCALER_OPS_AUTH", "none",
                "PREDICTIVE_SCALER_OPS_BIND_ADDRESS", "10.1.2.3",
                "POD_NAME", "p"));

    assertThat(config.opsAuth()).isEqualTo(OpsAuthMode.NONE);
    assertThat(config.opsBindAddress()).isEqualTo("10.1.2.3");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--ops-auth=basic | --ops-auth: must be kubernetes or none, got 'basic'",
        "--ops-bind-address=localhost | --ops-bind-address: must be an IP address such as 0.0.0.0,"
            + " 127.0.0.1 or ::, got 'localhost'",
        "--ops-bind-address=256.0.0.1 | --ops-bind-address: must be an IP address such as"
            + " 0.0.0.0, 127.0.0.1 or ::, got '256.0.0.1'",
        "--ops-bind-address=1:2 | --ops-bind-address: must be an IP address such as 0.0.0.0,"
            + " 127.0.0.1 or ::, got '1:2'",
      })
  void namesTheFlagAndTheValueOfABadOpsSetting(String flag, String problem) {
    assertThatThrownBy(
            () -> ServiceConfigParser.parse(new String[] {flag}, Map.of("POD_NAME", "p")))
        .isInstanceOf(ServiceConfigException.class)
        .extracting(e -> ((ServiceConfigException) e).problems())
        .isEqualTo(List.of(problem));
  }

  @Test
  void namesTheVariableOfABadOpsAuthFromTheEnvironment() {
    assertThatThrownBy(
            () ->
                ServiceConfigParser.parse(
                    new String[0], Map.of("PREDICTIVE_SCALER_OPS_AUTH", "off", "POD_NAME", "p")))
        .isInstanceOf(ServiceConfigException.class)
        .hasMessageContaining("PREDICTIVE_SCALER_OPS_AUTH: must be kubernetes or none, got 'off'");
  }
}
