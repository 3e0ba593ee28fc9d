package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The annotated examples in docs/CONFIGURATION.md are valid documents. */
class PolicyDocumentationTest {

  private static final Path DOC = Path.of("..", "docs", "CONFIGURATION.md");
  private static final String MARKER = "<!-- full-example";
  private static final String SCHEDULES_MARKER = "<!-- schedules-example";

  @Test
  void annotatedFullExampleParses() throws IOException {
    String yaml = fullExample(Files.readString(DOC));

    ParseResult result = PolicyParser.parse(yaml, "shop");

    assertThat(result.messages()).isEmpty();
    assertThat(result.document().orElseThrow().workloads())
        .extracting(w -> w.target().name())
        .containsExactly("checkout", "image-resizer", "search-api");
  }

  @Test
  void schedulesExampleParses() throws IOException {
    String yaml = yamlAfter(Files.readString(DOC), SCHEDULES_MARKER);

    ParseResult result = PolicyParser.parse(yaml, "shop");

    assertThat(result.messages()).isEmpty();
    WorkloadPolicy checkout = result.document().orElseThrow().workloads().get(0);
    assertThat(checkout.schedules())
        .extracting(s -> s.name() + "@" + s.zone().getId() + ">=" + s.minReplicas())
        .containsExactly("weekday-opening@Europe/Berlin>=8", "black-friday@UTC>=30");
    assertThat(checkout.fallback().orElseThrow().replicas()).isEqualTo(12);
  }

  private static String fullExample(String markdown) {
    return yamlAfter(markdown, MARKER);
  }

  private static String yamlAfter(String markdown, String markerText) {
    int marker = markdown.indexOf(markerText);
    assertThat(marker).as("marker %s in %s", markerText, DOC).isNotNegative();
    int start = markdown.indexOf("```yaml\n", marker) + "```yaml\n".length();
    int end = markdown.indexOf("\n```", start);
    return markdown.substring(start, end + 1);
  }
}
