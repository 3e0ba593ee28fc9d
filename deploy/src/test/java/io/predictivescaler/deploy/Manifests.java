package io.predictivescaler.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Parses rendered multi-document YAML into typed fabric8 objects and selects among them. */
public final class Manifests {

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
  private static final Pattern COMMENT_OR_BLANK = Pattern.compile("(?m)^\\s*(#.*)?$");

  private Manifests() {}

  public static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
      if (COMMENT_OR_BLANK.matcher(document).replaceAll("").isBlank()) {
        continue;
      }
      KubernetesResource resource = Serialization.unmarshal(document, KubernetesResource.class);
      if (!(resource instanceof HasMetadata object)) {
        throw new IllegalArgumentException("not a Kubernetes object:\n" + document);
      }
      objects.add(object);
    }
    return objects;
  }

  public static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public static <T extends HasMetadata> T named(
      List<HasMetadata> objects, Class<T> type, String name) {
    return ofType(objects, type).stream()
        .filter(o -> name.equals(o.getMetadata().getName()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
  }

  /** Objects of a kind fabric8 has no model for (CRDs), e.g. "VirtualService". */
  public static List<GenericKubernetesResource> custom(List<HasMetadata> objects, String kind) {
    return ofType(objects, GenericKubernetesResource.class).stream()
        .filter(o -> kind.equals(o.getKind()))
        .toList();
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> spec(GenericKubernetesResource resource) {
    return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
  }
}
