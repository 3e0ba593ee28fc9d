package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The image cannot be built here (no Docker engine), so its invariants are checked on the text. */
class DockerfileTest {

  private static final Pattern FROM =
      Pattern.compile("(?im)^FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");
  private static final Pattern PINNED_TAG =
      Pattern.compile(
          "^[^:@\\s]+(:[0-9]+)?/?[^:@\\s]*:([A-Za-z0-9_][A-Za-z0-9_.-]*)(@sha256:[a-f0-9]{64})?$");

  private static String dockerfile;
  private static List<String> stages;

  @BeforeAll
  static void read() throws IOException {
    dockerfile = joinContinuations(Files.readString(Path.of("Dockerfile")));
    stages = new ArrayList<>(List.of(FROM.split(dockerfile)));
    stages.remove(0);
  }

  @Test
  void isMultiStage() {
    assertThat(stages).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void pinsEveryBaseImageToAVersionTag() {
    List<String> stageNames = new ArrayList<>();
    Matcher from = FROM.matcher(dockerfile);
    List<String> bases = new ArrayList<>();
    while (from.find()) {
      if (!stageNames.contains(from.group(1))) {
        bases.add(from.group(1));
      }
      if (from.group(2) != null) {
        stageNames.add(from.group(2));
      }
    }

    assertThat(bases).isNotEmpty();
    assertThat(bases)
        .allSatisfy(
            image -> {
              Matcher tag = PINNED_TAG.matcher(image);
              assertThat(tag.matches()).as("tag of " + image).isTrue();
              assertThat(tag.group(2)).as(image).isNotEqualTo("latest").matches(".*[0-9].*");
            });
  }

  @Test
  void buildsWithTheMavenWrapper() {
    assertThat(stages.get(0))
        .contains("./mvnw")
        .contains("scaler-core/target/predictive-scaler.jar");
  }

  @Test
  void runtimeStageRunsAsNonRootUserMatchingTheChart() throws IOException {
    String runtime = stages.get(stages.size() - 1);
    Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(runtime);

    assertThat(user.find()).as("USER in the final stage").isTrue();
    String uid = user.group(1).split(":")[0];
    assertThat(uid).matches("[0-9]+").isNotEqualTo("0");
    String values =
        Files.readString(ChartRenderer.chart(ChartRenderer.SCALER).resolve("values.yaml"));
    assertThat(values).containsPattern("(?m)^runAsUser: " + uid + "$");
  }

  @Test
  void runtimeStageInstallsLibgompForXgboost() {
    assertThat(stages.get(stages.size() - 1)).containsPattern("apt-get install[^\\n]*libgomp1");
  }

  @Test
  void runtimeStageSizesTheHeapFromTheContainerLimit() {
    assertThat(stages.get(stages.size() - 1))
        .containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*-XX:MaxRAMPercentage=");
  }

  @Test
  void runsTheServiceJarInExecForm() {
    assertThat(stages.get(stages.size() - 1))
        .contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/predictive-scaler.jar\"]");
  }

  private static String joinContinuations(String text) {
    return text.lines()
        .filter(line -> !line.stripLeading().startsWith("#"))
        .collect(Collectors.joining("\n"))
        .replaceAll("\\\\\\n\\s*", " ");
  }
}
