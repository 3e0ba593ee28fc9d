package io.predictivescaler.core.service;

import ch.qos.logback.core.PropertyDefinerBase;

/**
 * For logback.xml: the appender name ({@code json} or {@code text}) from
 * PREDICTIVE_SCALER_LOG_FORMAT, else JSON in a cluster and text elsewhere. A bad value falls back
 * to the default here; {@link ServiceConfigParser} reports it at start.
 */
public final class LogFormatDefiner extends PropertyDefinerBase {

  @Override
  public String getPropertyValue() {
    String configured = System.getenv("PREDICTIVE_SCALER_LOG_FORMAT");
    LogFormat format = configured == null ? null : LogFormat.parse(configured);
    return (format == null ? LogFormat.defaultFor(System.getenv()) : format).configName();
  }
}
