package io.predictivescaler.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code helm} or {@code kubectl} command in a fenced code block of a doc, with its backslash
 * continuations joined: {@code file:line} is where it starts.
 */
record DocCommand(String file, int line, String text) {

  /** The docs whose commands a newcomer runs, relative to the repository root. */
  static final List<String> DOCS =
      List.of(
          "README.md",
          "docs/OPERATIONS.md",
          "docs/CONFIGURATION.md",
          "deploy/charts/predictive-scaler/README.md");

  private static final Pattern COMMAND =
      Pattern.compile("(?:^|\\$\\(|\\|\\s*)((?:kubectl|helm) .*)");

  static Path repositoryRoot() {
    return Path.of("..").toAbsolutePath().normalize();
  }

  static List<DocCommand> inDocs() {
    List<DocCommand> commands = new ArrayList<>();
    for (String doc : DOCS) {
      commands.addAll(in(doc, read(repositoryRoot().resolve(doc))));
    }
    return commands;
  }

  static List<DocCommand> in(String file, List<String> lines) {
    List<DocCommand> commands = new ArrayList<>();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      Matcher command = COMMAND.matcher(line.replaceFirst("^\\$ ", ""));
      if (!fenced || !command.find()) {
        continue;
      }
      int start = i;
      StringBuilder text = new StringBuilder(command.group(1));
      while (text.toString().endsWith("\\") && i + 1 < lines.size()) {
        text.setLength(text.length() - 1);
        text.append(' ').append(lines.get(++i).strip());
      }
      commands.add(new DocCommand(file, start + 1, text.toString().replaceAll("\\s+", " ")));
    }
    return commands;
  }

  boolean isHelm() {
    return text.startsWith("helm ");
  }

  @Override
  public String toString() {
    return file + ":" + line + ": " + text;
  }

  private static List<String> read(Path doc) {
    try {
      return Files.readAllLines(doc);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + doc, e);
    }
  }
}
