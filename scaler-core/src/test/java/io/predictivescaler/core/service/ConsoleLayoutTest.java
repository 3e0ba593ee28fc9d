package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

class ConsoleLayoutTest {

  private final LoggerContext context = new LoggerContext();

  ConsoleLayoutTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
  }

  @Test
  void jsonFormatWritesOneJsonObjectPerLine() {
    String line = layout("json").doLayout(event());

    assertThat(line).startsWith("{\"time\":").contains("\"message\":\"Scaled from 3 to 6\"");
    assertThat(line).endsWith("}" + System.lineSeparator());
  }

  @Test
  void textFormatWritesKeyValueText() {
    String line = layout("text").doLayout(event());

    assertThat(line).contains("level=INFO").contains("msg=\"Scaled from 3 to 6\"");
  }

  @Test
  void textFormatKeepsAMessageWithANewlineOnOneLine() {
    LoggingEvent event =
        new LoggingEvent(
            "test",
            context.getLogger("io.predictivescaler.test"),
            Level.WARN,
            "policy value '1\n2026-01-01T00:00:00Z level=ERROR msg=\"forged\"'",
            null,
            null);

    String output = layout("text").doLayout(event);

    assertThat(output.lines()).hasSize(1);
    assertThat(output).contains("'1\\n2026-01-01T00:00:00Z level=ERROR msg=\\\"forged\\\"'");
  }

  @Test
  void anUnknownFormatIsReportedAndFallsBackToText() {
    ConsoleLayout layout = layout("xml");

    assertThat(layout.format()).isEqualTo(LogFormat.TEXT);
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .anySatisfy(s -> assertThat(s.getMessage()).contains("got 'xml'"));
  }

  private ConsoleLayout layout(String format) {
    ConsoleLayout layout = new ConsoleLayout();
    layout.setContext(context);
    layout.setFormat(format);
    layout.start();
    return layout;
  }

  private LoggingEvent event() {
    return new LoggingEvent(
        "test",
        context.getLogger("io.predictivescaler.test"),
        Level.INFO,
        "Scaled from 3 to 6",
        null,
        null);
  }
}
