package io.predictivescaler.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reference a document makes stays inside the repository and resolves: markdown links (and
 * their {@code #anchor}s), relative paths in code spans, repository paths such as {@code
 * deploy/charts/predictive-scaler}, and "ARCHITECTURE §N" citations in docs and sources, which must
 * name a section of docs/ARCHITECTURE.md.
 */
class DocReferencesTest {

  private static final Path ROOT = repositoryRoot();
  private static final Set<String> MODULES =
      Set.of("docs", "scaler-core", "metrics-collector", "forecaster", "benchmarks", "deploy");
  private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)\\)");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern RELATIVE_PATH = Pattern.compile("(?<![\\w.])\\.\\./[^\\s`'\")#]+");
  private static final Pattern ARCHITECTURE_SECTION =
      Pattern.compile("ARCHITECTURE(?:\\.md)? (?:§|section )(\\d+)");
  private static final Pattern EXPLICIT_ANCHOR = Pattern.compile("<a (?:id|name)=\"([^\"]+)\"");
  private static final Pattern SECTION_HEADING = Pattern.compile("(?m)^## (\\d+)\\. ");

  @Test
  void markdownLinksPointToFilesAndHeadingsInsideTheRepository() {
    List<String> broken = new ArrayList<>();
    for (Path doc : files(".md")) {
      String text = withoutFencedCode(read(doc));
      Matcher link = LINK.matcher(text);
      while (link.find()) {
        String target = link.group(1);
        if (!target.matches("(?i)(https?|mailto):.*")) {
          check(doc, target, broken);
        }
      }
    }

    assertThat(broken).isEmpty();
  }

  @Test
  void relativePathsInDocsStayInsideTheRepositoryAndExist() {
    List<String> broken = new ArrayList<>();
    for (Path doc : files(".md")) {
      Matcher path = RELATIVE_PATH.matcher(read(doc));
      while (path.find()) {
        Path resolved = doc.getParent().resolve(path.group()).normalize();
        if (!resolved.startsWith(ROOT) || !Files.exists(resolved)) {
          broken.add(name(doc) + ": " + path.group() + " is not a file of this repository");
        }
      }
    }

    assertThat(broken).isEmpty();
  }

  @Test
  void repositoryPathsNamedInDocsExist() {
    List<String> broken = new ArrayList<>();
    for (Path doc : files(".md")) {
      Matcher span = CODE_SPAN.matcher(read(doc));
      while (span.find()) {
        String path = span.group(1).replaceFirst(":\\d+(-\\d+)?$", "");
        if (looksLikeRepositoryPath(path) && !Files.exists(ROOT.resolve(path))) {
          broken.add(name(doc) + ": `" + span.group(1) + "` does not exist");
        }
      }
    }

    assertThat(broken).isEmpty();
  }

  @Test
  void architectureCitationsNameASectionOfDocsArchitecture() {
    Path architecture = ROOT.resolve("docs/ARCHITECTURE.md");
    assertThat(architecture).exists();
    Set<String> sections = new HashSet<>();
    Matcher heading = SECTION_HEADING.matcher(read(architecture));
    while (heading.find()) {
      sections.add(heading.group(1));
    }
    List<String> broken = new ArrayList<>();
    for (String extension : List.of(".md", ".java", ".xml", ".yaml", ".json")) {
      for (Path file : files(extension)) {
        Matcher citation = ARCHITECTURE_SECTION.matcher(read(file));
        while (citation.find()) {
          if (!sections.contains(citation.group(1))) {
            broken.add(name(file) + ": " + citation.group() + " is not a section of " + sections);
          }
        }
      }
    }

    assertThat(broken).isEmpty();
  }

  private static void check(Path doc, String target, List<String> broken) {
    int hash = target.indexOf('#');
    String file = hash < 0 ? target : target.substring(0, hash);
    String anchor = hash < 0 ? null : target.substring(hash + 1);
    Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
    if (!resolved.startsWith(ROOT)) {
      broken.add(name(doc) + ": " + target + " points outside the repository");
    } else if (!Files.exists(resolved)) {
      broken.add(name(doc) + ": " + target + " does not exist");
    } else if (anchor != null
        && resolved.toString().endsWith(".md")
        && !anchors(resolved).contains(anchor)) {
      broken.add(name(doc) + ": " + target + " names no heading of " + name(resolved));
    }
  }

  /**
   * GitHub's heading anchors (lower case, punctuation dropped, spaces to hyphens) and explicit
   * {@code <a id="...">} ones.
   */
  private static Set<String> anchors(Path doc) {
    Set<String> anchors = new HashSet<>();
    Matcher explicit = EXPLICIT_ANCHOR.matcher(read(doc));
    while (explicit.find()) {
      anchors.add(explicit.group(1));
    }
    for (String line : withoutFencedCode(read(doc)).split("\n")) {
      if (line.startsWith("#")) {
        String title = line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT);
        anchors.add(title.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
      }
    }
    return anchors;
  }

  private static boolean looksLikeRepositoryPath(String text) {
    int slash = text.indexOf('/');
    return slash > 0
        && MODULES.contains(text.substring(0, slash))
        && text.matches("[\\w./-]+")
        && !text.contains("...")
        && !text.contains("/target/");
  }

  private static String withoutFencedCode(String markdown) {
    return markdown.replaceAll("(?ms)^\\s*```.*?^\\s*```", "");
  }

  private static List<Path> files(String extension) {
    try (Stream<Path> paths = Files.walk(ROOT)) {
      return paths
          .filter(p -> p.toString().endsWith(extension))
          .filter(p -> Files.isRegularFile(p))
          .filter(
              p -> {
                String relative = ROOT.relativize(p).toString();
                return !relative.startsWith(".") && !relative.matches("(.*/)?target/.*");
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("listing the repository's files under " + ROOT, e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file, e);
    }
  }

  private static String name(Path file) {
    return ROOT.relativize(file).toString();
  }

  /** The directory holding {@code mvnw}, above the module the tests run in. */
  private static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no mvnw above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
