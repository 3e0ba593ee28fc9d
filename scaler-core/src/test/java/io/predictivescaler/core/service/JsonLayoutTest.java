package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

class JsonLayoutTest {

  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  @Test
  void writesOneJsonObjectPerLineWithTheKeyValuePairsAsFields() throws Exception {
    LoggingEvent event = event("scaled \"checkout\"", null);
    event.setKeyValuePairs(
        List.of(
            new KeyValuePair("workload", "shop/checkout"),
            new KeyValuePair("to", 6),
            new KeyValuePair("level", "x")));

    String line = layout().doLayout(event);

    assertThat(line).endsWith(System.lineSeparator()).doesNotContain("\n{");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("level").asText()).isEqualTo("INFO");
    assertThat(json.get("logger").asText()).isEqualTo("io.predictivescaler.Test");
    assertThat(json.get("message").asText()).isEqualTo("scaled \"checkout\"");
    assertThat(json.get("workload").asText()).isEqualTo("shop/checkout");
    assertThat(json.get("to").isNumber()).isTrue();
    assertThat(json.get("to").asInt()).isEqualTo(6);
    assertThat(json.get("kv.level").asText()).isEqualTo("x");
    assertThat(json.get("time").asText()).isEqualTo("1970-01-01T00:00:01Z");
  }

  @Test
  void includesTheStackTraceOfAnException() throws Exception {
    String line = layout().doLayout(event("failed", new IllegalStateException("boom")));

    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("exception").asText())
        .startsWith("java.lang.IllegalStateException: boom")
        .contains("JsonLayoutTest");
  }

  @Property
  void anyMessageKeyAndValueMakeOneValidJsonLine(
      @ForAll String message, @ForAll String key, @ForAll String value) throws Exception {
    LoggingEvent event = event(message, null);
    event.setKeyValuePairs(List.of(new KeyValuePair(key, value), new KeyValuePair(key, value)));

    String line = layout().doLayout(event);

    assertThat(line.lines()).hasSize(1);
    JsonNode json = strictMapper().readTree(line);
    assertThat(json.get("message").asText()).isEqualTo(message);
  }

  @Test
  void aMissingKeyAndNonFiniteNumbersStillMakeValidJson() throws Exception {
    LoggingEvent event = event("odd pairs", null);
    event.setKeyValuePairs(
        Arrays.asList(
            new KeyValuePair(null, "no key"),
            new KeyValuePair("nan", Double.NaN),
            new KeyValuePair("inf", Float.POSITIVE_INFINITY),
            new KeyValuePair("nothing", null)));

    String line = layout().doLayout(event);

    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.get("null").asText()).isEqualTo("no key");
    assertThat(json.get("nan").asText()).isEqualTo("NaN");
    assertThat(json.get("inf").asText()).isEqualTo("Infinity");
    assertThat(json.get("nothing").isNull()).isTrue();
  }

  @Test
  void aKeyRepeatedThreeTimesStaysUnique() throws Exception {
    LoggingEvent event = event("repeated", null);
    event.setKeyValuePairs(
        List.of(
            new KeyValuePair("message", "a"),
            new KeyValuePair("message", "b"),
            new KeyValuePair("message", "c")));

    String line = layout().doLayout(event);

    JsonNode json = strictMapper().readTree(line);
    assertThat(json.get("message").asText()).isEqualTo("repeated");
    assertThat(json.get("kv.message").asText()).isEqualTo("a");
    assertThat(json.get("kv.message.2").asText()).isEqualTo("b");
    assertThat(json.get("kv.message.3").asText()).isEqualTo("c");
  }

  private static ObjectMapper strictMapper() {
    return new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
  }

  private JsonLayout layout() {
    JsonLayout layout = new JsonLayout();
    layout.setContext(context);
    layout.start();
    return layout;
  }

  private LoggingEvent event(String message, Throwable thrown) {
    LoggingEvent event =
        new LoggingEvent(
            "fqcn",
            context.getLogger("io.predictivescaler.Test"),
            Level.INFO,
            message,
            thrown,
            null);
    event.setTimeStamp(1000);
    event.setThreadName("main");
    return event;
  }
}
