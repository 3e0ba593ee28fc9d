package io.predictivescaler.deploy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Renders the charts under {@code deploy/charts} with helm-java, offline. */
public final class ChartRenderer {

  public static final String RELEASE = "demo";
  public static final String NAMESPACE = "ops";
  public static final String KUBE_VERSION = "1.33.0";

  public static final String SCALER = "predictive-scaler";
  public static final String STRATEGY = "orchestration-strategy";
  public static final String POLICIES = "strategy-policies";

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
