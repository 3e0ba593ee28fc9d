package io.predictivescaler.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies a strategic merge patch as Helm computes them ({@code
 * application/strategic-merge-patch+json}), which fabric8's mock server refuses (415). Lists merge
 * by key only where the patch says so through {@code $setElementOrder/FIELD} (always present when
 * Helm changes a list with a merge key); other lists are replaced, as for atomic lists. Directives
 * this class does not know fail the request.
 */
final class StrategicMergePatch {

  private static final String ORDER = "$setElementOrder/";
  private static final String DELETE_PRIMITIVES = "$deleteFromPrimitiveList/";

  private StrategicMergePatch() {}

  static ObjectNode apply(ObjectNode target, ObjectNode patch) {
    ObjectNode result = target.deepCopy();
    mergeInto(result, patch);
    return result;
  }

  private static void mergeInto(ObjectNode target, ObjectNode patch) {
    JsonNode directive = patch.get("$patch");
    if (directive != null && !directive.asText().equals("merge")) {
      throw new IllegalArgumentException("unsupported $patch directive in a map: " + directive);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      if (name.equals("$patch") || name.startsWith(ORDER)) {
        continue;
      }
      if (name.equals("$retainKeys")) {
        continue;
      }
      if (name.startsWith(DELETE_PRIMITIVES)) {
        deletePrimitives(target, name.substring(DELETE_PRIMITIVES.length()), value);
      } else if (name.startsWith("$")) {
        throw new IllegalArgumentException("unsupported strategic merge directive " + name);
      } else if (value.isNull()) {
        target.remove(name);
      } else if (value.isObject() && target.path(name).isObject()) {
        mergeInto((ObjectNode) target.get(name), (ObjectNode) value);
      } else if (value.isArray()) {
        Optional<String> key = mergeKey(patch.get(ORDER + name), (ArrayNode) value);
        target.set(
            name,
            key.isPresent()
                ? mergeList(
                    target.path(name), (ArrayNode) value, key.get(), patch.get(ORDER + name))
                : withoutDirectives(value));
      } else {
        target.set(name, withoutDirectives(value));
      }
    }
    JsonNode retain = patch.get("$retainKeys");
    if (retain != null) {
      List<String> keep = new ArrayList<>();
      retain.forEach(k -> keep.add(k.asText()));
      target.retain(keep);
    }
  }

  /** The merge key: the one field of the {@code $setElementOrder} entries, or of a delete. */
  private static Optional<String> mergeKey(JsonNode order, ArrayNode elements) {
    List<JsonNode> samples = new ArrayList<>();
    if (order != null) {
      order.forEach(samples::add);
    }
    elements.forEach(
        e -> {
          if (e.isObject() && e.has("$patch")) {
            samples.add(((ObjectNode) e.deepCopy()).without("$patch"));
          }
        });
    for (JsonNode sample : samples) {
      if (sample.isObject() && sample.size() == 1) {
        return Optional.of(sample.fieldNames().next());
      }
    }
    return Optional.empty();
  }

  private static ArrayNode mergeList(
      JsonNode current, ArrayNode patch, String key, JsonNode order) {
    ArrayNode merged = patch.arrayNode();
    if (current.isArray()) {
      current.forEach(e -> merged.add(e.deepCopy()));
    }
    for (JsonNode element : patch) {
      JsonNode id = element.get(key);
      int index = indexOf(merged, key, id);
      if (element.path("$patch").asText().equals("delete")) {
        if (index >= 0) {
          merged.remove(index);
        }
      } else if (index >= 0) {
        mergeInto((ObjectNode) merged.get(index), (ObjectNode) element);
      } else {
        merged.add(withoutDirectives(element));
      }
    }
    if (order == null) {
      return merged;
    }
    ArrayNode ordered = patch.arrayNode();
    for (JsonNode wanted : order) {
      int index = indexOf(merged, key, wanted.get(key));
      if (index >= 0) {
        ordered.add(merged.remove(index));
      }
    }
    ordered.addAll(merged);
    return ordered;
  }

  private static int indexOf(ArrayNode list, String key, JsonNode id) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).path(key).equals(id)) {
        return i;
      }
    }
    return -1;
  }

  private static void deletePrimitives(ObjectNode target, String field, JsonNode values) {
    if (!target.path(field).isArray()) {
      return;
    }
    ArrayNode list = (ArrayNode) target.get(field);
    for (int i = list.size() - 1; i >= 0; i--) {
      for (JsonNode value : values) {
        if (list.get(i).equals(value)) {
          list.remove(i);
          break;
        }
      }
    }
  }

  private static JsonNode withoutDirectives(JsonNode value) {
    if (value.isObject()) {
      ObjectNode copy = value.deepCopy();
      copy.remove("$patch");
      List<String> directives = new ArrayList<>();
      copy.fieldNames()
          .forEachRemaining(
              n -> {
                if (n.startsWith("$")) {
                  directives.add(n);
                }
              });
      copy.remove(directives);
      copy.fields().forEachRemaining(e -> e.setValue(withoutDirectives(e.getValue())));
      return copy;
    }
    if (value.isArray()) {
      ArrayNode copy = ((ArrayNode) value).arrayNode();
      value.forEach(e -> copy.add(withoutDirectives(e)));
      return copy;
    }
    return value;
  }
}
