package io.predictivescaler.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class StrategicMergePatchTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void listsWithAnElementOrderMergeByTheirKeyAndTakeThatOrder() {
    JsonNode result =
        apply(
            "{'spec':{'containers':[{'name':'a','image':'a:1'},{'name':'b','image':'b:1'}]}}",
            "{'spec':{'$setElementOrder/containers':[{'name':'b'},{'name':'a'},{'name':'c'}],"
                + "'containers':[{'name':'a','image':'a:2'},{'name':'c','image':'c:1'}]}}");

    assertThat(result.toString())
        .isEqualTo(
            "{\"spec\":{\"containers\":[{\"name\":\"b\",\"image\":\"b:1\"},"
                + "{\"name\":\"a\",\"image\":\"a:2\"},{\"name\":\"c\",\"image\":\"c:1\"}]}}");
  }

  @Test
  void aDeleteDirectiveRemovesTheElementAndNullRemovesTheField() {
    JsonNode result =
        apply(
            "{'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}],'old':1,'keep':2}",
            "{'env':[{'name':'A','$patch':'delete'}],'old':null}");

    assertThat(result.toString())
        .isEqualTo("{\"env\":[{\"name\":\"B\",\"value\":\"2\"}],\"keep\":2}");
  }

  @Test
  void listsWithoutAMergeKeyAreReplaced() {
    JsonNode result = apply("{'args':['a','b'],'rules':[{'verbs':['get']}]}", "{'args':['c']}");

    assertThat(result.toString()).isEqualTo("{\"args\":[\"c\"],\"rules\":[{\"verbs\":[\"get\"]}]}");
  }

  @Test
  void anUnknownDirectiveIsRefused() {
    assertThatThrownBy(() -> apply("{'a':{}}", "{'a':{'$patch':'replace'}}"))
        .hasMessageContaining("$patch directive");
  }

  private static JsonNode apply(String target, String patch) {
    try {
      return StrategicMergePatch.apply(
          (ObjectNode) JSON.readTree(target.replace('\'', '"')),
          (ObjectNode) JSON.readTree(patch.replace('\'', '"')));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
