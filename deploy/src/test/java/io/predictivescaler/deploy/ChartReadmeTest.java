package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chart README's values table is values.yaml's documentation, helm-docs style. When they differ
 * the test writes the table it expects to {@code target/predictive-scaler-values-table.md}: paste
 * it into the README.
 */
class ChartReadmeTest {

  private static final Path CHART = ChartRenderer.chart(ChartRenderer.SCALER);
  private static final Path VALUES = CHART.resolve("values.yaml");
  private static final Path README = CHART.resolve("README.md");
  private static final Path EXPECTED = Path.of("target", "predictive-scaler-values-table.md");

  @Test
  void theValuesTableMatchesValuesYaml() throws IOException {
    String expected = ValuesTable.markdown(ValuesTable.rows(VALUES));
    Files.createDirectories(EXPECTED.getParent());
    Files.writeString(EXPECTED, expected);

    String readme = Files.readString(README);

    assertThat(table(readme))
        .as("values table of %s, expected in %s", README, EXPECTED)
        .isEqualTo(expected);
  }

  @Test
  void everyValueIsDocumented() {
    List<String> documented = ValuesTable.rows(VALUES).stream().map(ValuesTable.Row::key).toList();

    assertThat(ValuesTable.leafKeys(VALUES))
        .allSatisfy(
            leaf ->
                assertThat(documented)
                    .as("%s needs a '# --' comment on it or a parent key in values.yaml", leaf)
                    .anyMatch(key -> leaf.equals(key) || leaf.startsWith(key + ".")));
  }

  @Test
  void rowsFollowHelmDocsComments() {
    Path fixture = Path.of("src", "test", "resources", "values-table", "values.yaml");

    List<ValuesTable.Row> rows = ValuesTable.rows(fixture);

    assertThat(rows)
        .containsExactly(
            new ValuesTable.Row(
                "image.repository",
                "string",
                "`\"ghcr.io/example/app\"`",
                "Image repository, on two lines."),
            new ValuesTable.Row(
                "labels", "object", "`{\"team\":\"ops\"}`", "Labels \\| with a pipe."),
            new ValuesTable.Row("replicaCount", "int", "`2`", "Pods to run."),
            new ValuesTable.Row("text", "string", "see the file", "A block of text."));
    assertThat(ValuesTable.leafKeys(fixture))
        .containsExactly("replicaCount", "image.repository", "image.tag", "text", "labels.team");
  }

  /** The lines from the values table header to the first line that is not a table row. */
  private static String table(String readme) {
    int start = readme.indexOf(ValuesTable.HEADER);
    assertThat(start).as("'%s' in %s", ValuesTable.HEADER, README).isNotNegative();
    StringBuilder table = new StringBuilder();
    for (String line : readme.substring(start).split("\n", -1)) {
      if (!line.startsWith("|")) {
        break;
      }
      table.append(line).append('\n');
    }
    return table.toString();
  }
}
