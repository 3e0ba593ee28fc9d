package io.predictivescaler.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The scaler Deployment's pod template and container, rendered with the given values. */
final class ScalerPods {

  static final String FULLNAME = ChartRenderer.RELEASE + "-" + ChartRenderer.SCALER;

  private ScalerPods() {}

  static PodTemplateSpec template(Map<String, ?> values) {
    return template(ChartRenderer.renderObjects(ChartRenderer.SCALER, values));
  }

  static PodTemplateSpec template(List<HasMetadata> objects) {
    return Manifests.named(objects, Deployment.class, FULLNAME).getSpec().getTemplate();
  }

  static Container container(Map<String, ?> values) {
    return template(values).getSpec().getContainers().get(0);
  }

  /** Environment variables by name, in order. */
  static Map<String, EnvVar> env(Container container) {
    Map<String, EnvVar> env = new LinkedHashMap<>();
    container.getEnv().forEach(e -> env.put(e.getName(), e));
    return env;
  }
}
