package io.predictivescaler.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.junit.jupiter.api.Test;

class LoggingSetupTest {

  private final LoggerContext context = new LoggerContext();

  LoggingSetupTest() {
    context.setMDCAdapter(new LogbackMDCAdapter());
    context.getLogger("io.fabric8").setLevel(Level.WARN);
    context.getLogger("io.vertx").setLevel(Level.INFO);
  }

  @Test
  void debugOpensTheServiceLoggersButLeavesQuietenedLibrariesQuiet() {
    LoggingSetup.apply(context, LogFormat.TEXT, LogLevel.DEBUG);

    assertThat(context.getLogger("io.predictivescaler.core.tick.Foo").isDebugEnabled()).isTrue();
    assertThat(context.getLogger("io.fabric8.kubernetes.Foo").getEffectiveLevel())
        .isEqualTo(Level.WARN);
    assertThat(context.getLogger("io.vertx.core.Foo").getEffectiveLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void errorQuietsEveryLoggerIncludingTheLibrariesLogbackXmlSetToInfo() {
    LoggingSetup.apply(context, LogFormat.JSON, LogLevel.ERROR);

    assertThat(context.getLogger("io.predictivescaler.core.tick.Foo").isWarnEnabled()).isFalse();
    assertThat(context.getLogger("io.vertx.core.Foo").isInfoEnabled()).isFalse();
    assertThat(context.getLogger("io.fabric8.kubernetes.Foo").isWarnEnabled()).isFalse();
  }

  @Test
  void installsOneConsoleAppenderInTheChosenFormat() {
    LoggingSetup.apply(context, LogFormat.JSON, LogLevel.INFO);

    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertThat(root.getAppender("console")).isNotNull();
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
  }
}
