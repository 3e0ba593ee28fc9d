package io.predictivescaler.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The field tables in docs/CONFIGURATION.md are the declarations in {@link PolicyFields}, row for
 * row: a field added, removed or changed in one and not the other fails here. On failure, paste the
 * expected table from the message into the doc.
 */
class PolicyFieldTableTest {

  private static final Path DOC = Path.of("..", "docs", "CONFIGURATION.md");

  @Test
  void defaultableTableIsTheDeclarations() throws IOException {
    String table = tableAfter("<!-- fields: defaultable");

    assertThat(table).isEqualTo(PolicyFields.markdownTable(PolicyFields.defaultableDocs()));
  }

  @Test
  void workloadTableIsTheDeclarations() throws IOException {
    String table = tableAfter("<!-- fields: workload");

    assertThat(table).isEqualTo(PolicyFields.markdownTable(PolicyFields.WORKLOAD_DOCS));
  }

  @Test
  void everyDefaultableFieldHasARowNamedForIt() {
    List<String> rows = PolicyFields.defaultableDocs().stream().map(FieldDoc::field).toList();

    for (PolicyField<?> field : PolicyFields.ALL) {
      assertThat(rows).as(field.name()).anyMatch(row -> row.startsWith("`" + field.name()));
    }
  }

  private static String tableAfter(String marker) throws IOException {
    String markdown = Files.readString(DOC);
    int at = markdown.indexOf(marker);
    assertThat(at).as("marker %s in %s", marker, DOC).isNotNegative();
    int start = markdown.indexOf("\n|", at) + 1;
    int end = markdown.indexOf("\n\n", start);
    return markdown.substring(start, end + 1);
  }
}
