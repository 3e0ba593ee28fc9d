package io.predictivescaler.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.UninstallCommand;
import com.marcnuri.helm.UpgradeCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code helm install}, {@code upgrade} or {@code uninstall} command line of the docs, run with
 * helm-java with the same arguments. Any flag helm-java is not given here fails, naming it, so a
 * command is never run with a flag silently dropped.
 */
final class HelmCommandLine {

  final DocCommand source;
  final String verb;
  final String release;
  final Path chart;
  final String namespace;
  final boolean createNamespace;
  final boolean install;
  final boolean reuseValues;
  final Map<String, String> sets;
  final List<String> valuesFiles;

  private HelmCommandLine(DocCommand source, List<String> words) {
    this.source = source;
    List<String> positional = new ArrayList<>();
    Map<String, String> set = new LinkedHashMap<>();
    List<String> files = new ArrayList<>();
    String ns = "default";
    boolean create = false;
    boolean upgradeInstall = false;
    boolean reuse = false;
    for (int i = 1; i < words.size(); i++) {
      String word = words.get(i);
      switch (word) {
        case "-n", "--namespace" -> ns = words.get(++i);
        case "--create-namespace" -> create = true;
        case "--install" -> upgradeInstall = true;
        case "--reuse-values" -> reuse = true;
        case "-f", "--values" -> files.add(words.get(++i));
        case "--set" -> {
          String assignment = words.get(++i);
          int equals = assignment.indexOf('=');
          if (equals < 1) {
            throw new IllegalArgumentException(
                source + ": --set needs key=value, got " + assignment);
          }
          set.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
        default -> {
          if (word.startsWith("-")) {
            throw new IllegalArgumentException(source + ": flag " + word + " is not run here");
          }
          positional.add(word);
        }
      }
    }
    this.verb = positional.get(0);
    this.release = positional.get(1);
    this.chart =
        positional.size() > 2 ? DocCommand.repositoryRoot().resolve(positional.get(2)) : null;
    if (positional.size() > (verb.equals("uninstall") ? 2 : 3)) {
      throw new IllegalArgumentException(source + ": unexpected arguments " + positional);
    }
    this.namespace = ns;
    this.createNamespace = create;
    this.install = upgradeInstall;
    this.reuseValues = reuse;
    this.sets = Map.copyOf(set);
    this.valuesFiles = List.copyOf(files);
  }

  static HelmCommandLine parse(DocCommand command) {
    List<String> words = ShellWords.split(command.text().replaceFirst("\\s+#.*$", ""));
    if (!words.get(0).equals("helm")
        || !List.of("install", "upgrade", "uninstall").contains(words.get(1))) {
      throw new IllegalArgumentException(command + ": not a helm install, upgrade or uninstall");
    }
    return new HelmCommandLine(command, words);
  }

  /** Runs it against {@code kubeconfig}; {@code valuesFiles} maps the docs' file names to files. */
  String run(String kubeconfig, Map<String, Path> files) {
    if (chart != null && !Files.isDirectory(chart)) {
      throw new IllegalArgumentException(source + ": no chart at " + chart);
    }
    return switch (verb) {
      case "install" -> install(kubeconfig, files);
      case "upgrade" -> upgrade(kubeconfig, files);
      default -> uninstall(kubeconfig);
    };
  }

  private String install(String kubeconfig, Map<String, Path> files) {
    if (install || reuseValues) {
      throw new IllegalArgumentException(source + ": --install/--reuse-values on helm install");
    }
    InstallCommand command = new Helm(chart).install().withName(release).withNamespace(namespace);
    if (createNamespace) {
      command = command.createNamespace();
    }
    for (String file : valuesFiles) {
      command = command.withValuesFile(file(files, file));
    }
    for (Map.Entry<String, String> set : sets.entrySet()) {
      command = command.set(set.getKey(), set.getValue());
    }
    return command.withKubeConfigContents(kubeconfig).call().getStatus();
  }

  private String upgrade(String kubeconfig, Map<String, Path> files) {
    UpgradeCommand command = new Helm(chart).upgrade().withName(release).withNamespace(namespace);
    if (install) {
      command = command.install();
    }
    if (createNamespace) {
      command = command.createNamespace();
    }
    if (reuseValues) {
      command = command.reuseValues();
    }
    for (String file : valuesFiles) {
      command = command.withValuesFile(file(files, file));
    }
    for (Map.Entry<String, String> set : sets.entrySet()) {
      command = command.set(set.getKey(), set.getValue());
    }
    return command.withKubeConfigContents(kubeconfig).call().getStatus();
  }

  private String uninstall(String kubeconfig) {
    if (!sets.isEmpty() || !valuesFiles.isEmpty() || createNamespace || install || reuseValues) {
      throw new IllegalArgumentException(source + ": install flags on helm uninstall");
    }
    UninstallCommand command = Helm.uninstall(release).withNamespace(namespace);
    return command.withKubeConfigContents(kubeconfig).call();
  }

  private Path file(Map<String, Path> files, String name) {
    Path file = files.get(name);
    if (file == null) {
      throw new IllegalArgumentException(source + ": no file given for -f " + name);
    }
    return file;
  }
}
