package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.time.ZoneOffset;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.event.KeyValuePair;

class TextLayoutTest {

  private static final String FORGED =
      "\n2026-01-01T00:00:00.000Z level=ERROR logger=x msg=\"forged\"";

  private final LoggerContext context = new LoggerContext();

  TextLayoutTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  @Test
  void writesTimeLevelLoggerThreadMessageAndPairs() {
    LoggingEvent event = event("Scaled from 3 to 6", null);
    event.setKeyValuePairs(
        List.of(new KeyValuePair("workload", "shop/checkout"), new KeyValuePair("to", 6)));

    String line = layout().doLayout(event);

    assertThat(line)
        .isEqualTo(
            "1970-01-01T00:00:01.000Z level=INFO logger=io.predictivescaler.Test thread=main"
                + " msg=\"Scaled from 3 to 6\" workload=\"shop/checkout\" to=\"6\""
                + System.lineSeparator());
  }

  @Test
  void aNewlineInAPairValueCannotForgeALogLine() {
    LoggingEvent event = event("policy rejected", null);
    event.setKeyValuePairs(List.of(new KeyValuePair("value", "3" + FORGED)));

    String output = layout().doLayout(event);

    assertThat(output.lines()).hasSize(1);
    assertThat(output).contains("value=\"3\\n2026-01-01T00:00:00.000Z level=ERROR");
  }

  @Test
  void aNewlineOrCarriageReturnInTheMessageCannotForgeALogLine() {
    String output = layout().doLayout(event("bad value '5" + FORGED + "\rx'", null));

    assertThat(output.lines()).hasSize(1);
    assertThat(output).contains("msg=\"bad value '5\\n2026-").contains("\\\"forged\\\"\\rx'\"");
  }

  @Test
  void anExceptionMessageIsEscapedAndItsStackTraceFollowsOnIndentedLines() {
    Exception thrown =
        new IllegalStateException("outer" + FORGED, new IllegalArgumentException("inner\nx"));

    String output = layout().doLayout(event("failed", thrown));

    List<String> lines = output.lines().toList();
    assertThat(lines.get(1))
        .startsWith("java.lang.IllegalStateException: outer\\n2026-01-01T00:00:00.000Z");
    assertThat(lines)
        .anySatisfy(
            l ->
                assertThat(l)
                    .isEqualTo("Caused by: java.lang.IllegalArgumentException: inner\\nx"));
    assertThat(lines.subList(2, lines.size()))
        .allSatisfy(l -> assertThat(l).matches("(\tat |\t\\.\\.\\. |Caused by: ).*"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      value = {
        "plain | plain",
        "say \"hi\" | say \\\"hi\\\"",
        "back\\slash | back\\\\slash",
      })
  void escapesQuotesAndBackslashes(String raw, String escaped) {
    assertThat(TextLayout.escape(raw)).isEqualTo(escaped);
  }

  @Test
  void escapesEveryControlAndLineSeparatorCharacter() {
    assertThat(TextLayout.escape("a\nb\rc\td\u0000e\u001bf\u007fg\u0085h\u2028i\u2029j\u202ek"))
        .isEqualTo("a\\nb\\rc\\td\\u0000e\\u001bf\\u007fg\\u0085h\\u2028i\\u2029j\\u202ek");
  }

  @Property
  void anyMessageAndValueStayOnOneLine(@ForAll String message, @ForAll String value) {
    LoggingEvent event = event(message, null);
    event.setKeyValuePairs(List.of(new KeyValuePair("value", value)));

    String output = layout().doLayout(event);

    String body = output.substring(0, output.length() - System.lineSeparator().length());
    assertThat(body.chars())
        .noneMatch(c -> Character.isISOControl(c) || c == 0x2028 || c == 0x2029);
  }

  private TextLayout layout() {
    TextLayout layout = new TextLayout(ZoneOffset.UTC);
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
