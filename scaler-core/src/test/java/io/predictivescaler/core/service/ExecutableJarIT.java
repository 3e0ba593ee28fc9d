package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged {@code target/predictive-scaler.jar}, run as an operator runs it. */
class ExecutableJarIT {

  private static final Path JAR = Path.of("target", "predictive-scaler.jar");

  @Test
  void versionPrintsExactlyOneLineWithTheProjectVersion() throws Exception {
    Result result = run("--version");

    assertThat(result.exitCode()).isZero();
    assertThat(result.stdout().lines().toList())
        .singleElement()
        .asString()
        .matches("predictive-scaler \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    assertThat(result.stdout()).doesNotContain("unknown");
  }

  @Test
  void aBadLogLevelExitsTwoNamingTheOptionAndTheValue() throws Exception {
    Result result = run("--log-level", "verbose");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr())
        .contains("--log-level: must be error, warn, info, debug or trace, got 'verbose'");
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  private static Result run(String... args) throws IOException, InterruptedException {
    assertThat(JAR).as("the shaded jar; run through 'mvn verify'").exists();
    String java = ProcessHandle.current().info().command().orElse("java");
    Path out = Files.createTempFile("jar-out", ".txt");
    Path err = Files.createTempFile("jar-err", ".txt");
    try {
      Process process =
          new ProcessBuilder(concat(List.of(java, "-jar", JAR.toString()), List.of(args)))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exited within 60 s").isTrue();
      return new Result(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }
}
