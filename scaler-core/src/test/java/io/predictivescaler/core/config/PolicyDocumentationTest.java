package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The annotated example in docs/CONFIGURATION.md is a valid document. */
class PolicyDocumentationTest {

  private static final Path DOC = Path.of("..", "docs", "CONFIGURATION.md");
  private static final String MARKER = "<!-- full-example";

  @Test
  void annotatedFullExampleParses() throws IOException {
    String yaml = fullExample(Files.readString(DOC));

    ParseResult result = PolicyParser.parse(yaml, "shop");

    assertThat(result.messages()).isEmpty();
    assertThat(result.document().orElseThrow().workloads())
        .extracting(w -> w.target().name())
        .containsExactly("checkout", "image-resizer", "search-api");
  }

  private static String fullExample(String markdown) {
    int marker = markdown.indexOf(MARKER);
    assertThat(marker).as("marker %s in %s", MARKER, DOC).isNotNegative();
    int start = markdown.indexOf("```yaml\n", marker) + "```yaml\n".length();
    int end = markdown.indexOf("\n```", start);
    return markdown.substring(start, end + 1);
  }
}
