package io.predictivescaler.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.NamedRuleWithOperations;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.Validation;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.Variable;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates a ValidatingAdmissionPolicy's CEL the way the API server does for a CREATE: {@code
 * object} bound to the admitted object as untyped JSON, {@code variables} evaluated in order, every
 * validation must return true; an evaluation error rejects (failurePolicy Fail).
 */
public final class AdmissionPolicyEvaluator {

  private static final CelCompiler COMPILER =
      CelCompilerFactory.standardCelCompilerBuilder()
          .addVar("object", SimpleType.DYN)
          .addVar("variables", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .build();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

  private record Compiled(String name, String message, CelRuntime.Program program) {}

  private final ValidatingAdmissionPolicy policy;
  private final List<Compiled> variables = new ArrayList<>();
  private final List<Compiled> validations = new ArrayList<>();

  public AdmissionPolicyEvaluator(ValidatingAdmissionPolicy policy) {
    this.policy = policy;
    for (Variable variable : policy.getSpec().getVariables()) {
      variables.add(compile(variable.getName(), null, variable.getExpression()));
    }
    for (Validation validation : policy.getSpec().getValidations()) {
      validations.add(
          compile(validation.getExpression(), validation.getMessage(), validation.getExpression()));
    }
  }

  public String name() {
    return policy.getMetadata().getName();
  }

  /** Whether the policy's match constraints select objects of this kind (plural resource). */
  public boolean matches(String kind) {
    String resource = kind.toLowerCase(Locale.ROOT) + "s";
    return policy.getSpec().getMatchConstraints().getResourceRules().stream()
        .map(NamedRuleWithOperations::getResources)
        .anyMatch(resources -> resources.contains(resource));
  }

  /** The messages of the validations the object fails; empty when the policy admits it. */
  public List<String> violations(Map<String, Object> object) {
    Map<String, Object> bound = new HashMap<>();
    Map<String, Object> values = new LinkedHashMap<>();
    bound.put("object", object);
    bound.put("variables", values);
    List<String> violations = new ArrayList<>();
    try {
      for (Compiled variable : variables) {
        values.put(variable.name(), variable.program().eval(bound));
      }
    } catch (CelEvaluationException e) {
      return List.of("variable evaluation failed: " + e.getMessage());
    }
    for (Compiled validation : validations) {
      try {
        if (!Boolean.TRUE.equals(validation.program().eval(bound))) {
          violations.add(validation.message());
        }
      } catch (CelEvaluationException e) {
        violations.add(validation.message() + " (evaluation failed: " + e.getMessage() + ")");
      }
    }
    return violations;
  }

  /** The object as the API server's CEL sees it: JSON maps, lists, strings, longs, booleans. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> asCelValue(Object kubernetesObject) {
    try {
      Map<String, Object> json = JSON.readValue(Serialization.asJson(kubernetesObject), Map.class);
      return (Map<String, Object>) normalise(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + kubernetesObject, e);
    }
  }

  private static Object normalise(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), normalise(v)));
      return copy;
    } else if (value instanceof List<?> list) {
      return new ArrayList<>(list.stream().map(AdmissionPolicyEvaluator::normalise).toList());
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    } else if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    return value;
  }

  private Compiled compile(String name, String message, String expression) {
    try {
      CelAbstractSyntaxTree ast = COMPILER.compile(expression).getAst();
      return new Compiled(name, message, RUNTIME.createProgram(ast));
    } catch (CelValidationException | CelEvaluationException e) {
      throw new IllegalArgumentException(
          "policy " + policy.getMetadata().getName() + ": cannot compile " + expression, e);
    }
  }
}
