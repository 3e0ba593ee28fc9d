package io.predictivescaler.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Renders the charts under {@code deploy/charts} with helm-java, offline. */
public final class ChartRenderer {

  public static final String RELEASE = "demo";
  public static final String NAMESPACE = "ops";
  public static final String KUBE_VERSION = "1.33.0";

  public static final String SCALER = "predictive-scaler";
  public static final String STRATEGY = "orchestration-strategy";
  public static final String POLICIES = "strategy-policies";

  private static final String HOOK = "helm.sh/hook";
  private static final String DISGUISED_HOOK = "test.predictive-scaler.io/helm-hook";

  private ChartRenderer() {}

  public static Path chart(String name) {
    return Path.of("charts", name).toAbsolutePath();
  }

  /** Renders with {@code --set key=value} for each entry, in iteration order. */
  public static String render(String chart, Map<String, ?> values) {
    TemplateCommand template =
        new Helm(chart(chart))
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
    for (Map.Entry<String, ?> value : values.entrySet()) {
      template = template.set(value.getKey(), value.getValue());
    }
    return template.call();
  }

  public static List<HasMetadata> renderObjects(String chart, Map<String, ?> values) {
    return Manifests.parse(render(chart, values));
  }

  /**
   * Renders the release's objects and its hooks, which {@code helm template} of helm-java leaves
   * out: a copy of the chart has the hook annotation key disguised so that Helm renders hook
   * objects as ordinary ones, and the rendered text gets the real key back.
   */
  public static List<HasMetadata> renderWithHooks(String chart, Map<String, ?> values) {
    Path copy = copyWithDisguisedHooks(chart(chart));
    try {
      TemplateCommand template =
          new Helm(copy)
              .template()
              .withName(RELEASE)
              .withNamespace(NAMESPACE)
              .withKubeVersion(KUBE_VERSION);
      for (Map.Entry<String, ?> value : values.entrySet()) {
        template = template.set(value.getKey(), value.getValue());
      }
      return Manifests.parse(template.call().replace(DISGUISED_HOOK, HOOK));
    } finally {
      deleteRecursively(copy);
    }
  }

  private static Path copyWithDisguisedHooks(Path chart) {
    try {
      Path copy = Files.createTempDirectory("chart-with-hooks");
      try (Stream<Path> files = Files.walk(chart)) {
        for (Path source : files.toList()) {
          Path target = copy.resolve(chart.relativize(source).toString());
          if (Files.isDirectory(source)) {
            Files.createDirectories(target);
          } else {
            Files.writeString(target, Files.readString(source).replace(HOOK, DISGUISED_HOOK));
          }
        }
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException("copying " + chart, e);
    }
  }

  private static void deleteRecursively(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + root, e);
    }
  }

  /** The error helm reports for values the chart must reject; fails when rendering succeeds. */
  public static String renderError(String chart, Map<String, ?> values) {
    try {
      render(chart, values);
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected " + chart + " to reject " + values);
  }
}
