package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BuildVersionTest {

  @Test
  void theVersionIsTheProjectVersion() {
    assertThat(BuildVersion.current()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  /** The build writes the commit it was made from, or "unknown" outside a git checkout. */
  @Test
  void theRevisionIsTheCommitThisBuildWasMadeFrom() throws Exception {
    String head = gitHead();

    assertThat(BuildVersion.revision()).isEqualTo(head == null ? BuildVersion.UNKNOWN : head);
  }

  /** {@code git rev-parse --verify HEAD} in this module, as the build asks it; null on failure. */
  private static String gitHead() throws InterruptedException {
    try {
      Process git =
          new ProcessBuilder("git", "rev-parse", "--verify", "HEAD")
              .directory(Path.of("").toAbsolutePath().toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null; // no git on this machine
    }
  }
}
