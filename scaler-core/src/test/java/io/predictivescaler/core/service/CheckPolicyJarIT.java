package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check-policy} through the shaded jar, in a 512 MiB heap as a CI job would run it. */
class CheckPolicyJarIT {

  private static final Path JAR = Path.of("target", "predictive-scaler.jar");
  private static final Path DOC = Path.of("..", "docs", "CONFIGURATION.md");

  @TempDir Path dir;

  @Test
  void rejectsMemoryExhaustingPoliciesInASmallHeap() throws Exception {
    Path file =
        Files.writeString(dir.resolve("policies.yaml"), CheckPolicyCommandTest.MEMORY_EXHAUSTING);

    Result result = checkPolicy(file.toString());

    assertThat(result.code()).as(result.output()).isEqualTo(1);
    assertThat(result.output().lines())
        .anyMatch(l -> l.startsWith(file + ": workloads[0].horizon: must be <= 10m"))
        .anyMatch(l -> l.startsWith(file + ": workloads[1].window: must be <= 336h"));
  }

  @Test
  void acceptsTheDocsExamples() throws Exception {
    List<String> blocks = CheckPolicyCommandTest.yamlBlocks(Files.readString(DOC));
    String[] files = new String[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      files[i] = Files.writeString(dir.resolve("example-" + i + ".yaml"), blocks.get(i)).toString();
    }

    Result result = checkPolicy(files);

    assertThat(result.code()).as(result.output()).isZero();
    assertThat(result.output().lines()).hasSize(blocks.size()).allMatch(l -> l.contains(": ok ("));
  }

  private record Result(int code, String output) {}

  private static Result checkPolicy(String... files) throws IOException, InterruptedException {
    assertThat(JAR).as("the shaded jar, built by package before integration tests").exists();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(java, "-Xmx512m", "-jar", JAR.toString(), CheckPolicyCommand.NAME));
    command.addAll(List.of(files));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("check-policy finished").isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Result(process.exitValue(), output);
  }
}
