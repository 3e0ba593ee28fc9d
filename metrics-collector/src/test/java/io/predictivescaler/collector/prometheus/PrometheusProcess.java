package io.predictivescaler.collector.prometheus;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Prometheus for integration tests: loopback only, its own TSDB directory, stopped by {@link
 * #close()}. Tests skip (JUnit assumption) where the binary is not on the PATH.
 */
final class PrometheusProcess implements AutoCloseable {

  static final String INSTALL_HINT =
      "prometheus not found on PATH; the real-Prometheus integration tests are skipped. "
          + "Install it with: apt-get install -y --no-install-recommends prometheus";

  private final Path dataDir;
  private final Path config;
  private final int port;
  private final Path log;
  private Process process;

  private PrometheusProcess(Path dataDir, Path config, int port) {
    this.dataDir = dataDir;
    this.config = config;
    this.port = port;
    this.log = dataDir.resolveSibling("prometheus-" + port + ".log");
  }

  static void assumeInstalled() {
    Assumptions.assumeTrue(binary("prometheus").isPresent(), INSTALL_HINT);
    Assumptions.assumeTrue(binary("promtool").isPresent(), INSTALL_HINT);
  }

  static Optional<Path> binary(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts Prometheus scraping {@code targets} (host:port) every second. */
  static PrometheusProcess start(Path workDir, List<String> targets) throws IOException {
    Path config = workDir.resolve("prometheus.yml");
    StringBuilder yaml = new StringBuilder("global:\n  scrape_interval: 1s\n");
    if (!targets.isEmpty()) {
      yaml.append("scrape_configs:\n  - job_name: test\n    static_configs:\n      - targets: [");
      yaml.append(String.join(", ", targets.stream().map(t -> "'" + t + "'").toList()));
      yaml.append("]\n");
    }
    Files.writeString(config, yaml.toString());
    Path data = workDir.resolve("data");
    Files.createDirectories(data);
    PrometheusProcess p = new PrometheusProcess(data, config, freePort());
    p.start();
    return p;
  }

  /** Loads OpenMetrics history into {@code workDir/data} with promtool, before {@link #start}. */
  static void loadHistory(Path workDir, String openMetrics)
      throws IOException, InterruptedException {
    Path input = workDir.resolve("history.om");
    Files.writeString(input, openMetrics);
    Path data = workDir.resolve("data");
    Files.createDirectories(data);
    Process promtool =
        new ProcessBuilder(
                binary("promtool").orElseThrow().toString(),
                "tsdb",
                "create-blocks-from",
                "openmetrics",
                input.toString(),
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("promtool.log").toFile())
            .start();
    if (!promtool.waitFor(60, TimeUnit.SECONDS) || promtool.exitValue() != 0) {
      promtool.destroyForcibly();
      throw new IOException(
          "promtool create-blocks-from failed: "
              + Files.readString(workDir.resolve("promtool.log")));
    }
  }

  void start() throws IOException {
    process =
        new ProcessBuilder(
                binary("prometheus").orElseThrow().toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dataDir,
                "--storage.tsdb.retention.time=30d",
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest ready = HttpRequest.newBuilder(URI.create(url() + "/-/ready")).build();
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("prometheus exited: " + Files.readString(log));
              }
              return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            });
  }

  void stop() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    stop();
  }
}
