package io.predictivescaler.core.service;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.LayoutBase;

/**
 * The service's one console layout: JSON lines ({@link JsonLayout}) or key=value text ({@link
 * TextLayout}), chosen by {@link #setFormat}. One appender with a switching layout keeps
 * logback.xml free of appenders that are defined but never referenced.
 */
public final class ConsoleLayout extends LayoutBase<ILoggingEvent> {

  private LogFormat format = LogFormat.TEXT;
  private Layout<ILoggingEvent> delegate;

  /** {@code json} or {@code text}; anything else is reported and text is used. */
  public void setFormat(String value) {
    LogFormat parsed = value == null ? null : LogFormat.parse(value);
    if (parsed == null) {
      addError("log format must be json or text, got '" + value + "'; using text");
      parsed = LogFormat.TEXT;
    }
    format = parsed;
  }

  public LogFormat format() {
    return format;
  }

  @Override
  public void start() {
    delegate = format == LogFormat.JSON ? new JsonLayout() : new TextLayout();
    delegate.setContext(getContext());
    delegate.start();
    super.start();
  }

  @Override
  public void stop() {
    if (delegate != null) {
      delegate.stop();
    }
    super.stop();
  }

  @Override
  public String doLayout(ILoggingEvent event) {
    return delegate.doLayout(event);
  }

  @Override
  public String getContentType() {
    return delegate == null ? super.getContentType() : delegate.getContentType();
  }
}
