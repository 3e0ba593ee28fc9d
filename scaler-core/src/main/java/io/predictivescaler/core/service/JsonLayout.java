package io.predictivescaler.core.service;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per line: {@code time, level, logger, thread, message}, then the MDC and the
 * SLF4J key-value pairs as fields of their own, then {@code exception} with the stack trace. Valid
 * JSON for any value: Jackson escapes control characters and writes NaN and infinities as strings,
 * names never repeat, a missing key is named {@code null}.
 */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {

  private static final Set<String> RESERVED =
      Set.of("time", "level", "logger", "thread", "message", "exception");
  private static final JsonFactory FACTORY = new JsonFactory();

  @Override
  public String doLayout(ILoggingEvent event) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", Instant.ofEpochMilli(event.getTimeStamp()).toString());
      json.writeStringField("level", event.getLevel().toString());
      json.writeStringField("logger", event.getLoggerName());
      json.writeStringField("thread", event.getThreadName());
      json.writeStringField("message", event.getFormattedMessage());
      Set<String> written = new HashSet<>(RESERVED);
      Map<String, String> mdc = event.getMDCPropertyMap();
      if (mdc != null) {
        for (Map.Entry<String, String> entry : mdc.entrySet()) {
          field(json, written, entry.getKey(), entry.getValue());
        }
      }
      List<KeyValuePair> pairs = event.getKeyValuePairs();
      if (pairs != null) {
        for (KeyValuePair pair : pairs) {
          field(json, written, pair.key, pair.value);
        }
      }
      IThrowableProxy thrown = event.getThrowableProxy();
      if (thrown != null) {
        json.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing a log line as JSON", e);
    }
    return out.append(CoreConstants.LINE_SEPARATOR).toString();
  }

  @Override
  public String getContentType() {
    return "application/json";
  }

  private static void field(JsonGenerator json, Set<String> written, String key, Object value)
      throws IOException {
    String name = uniqueName(written, key == null ? "null" : key);
    if (value instanceof Number number) {
      json.writeFieldName(name);
      if (number instanceof Integer || number instanceof Long) {
        json.writeNumber(number.longValue());
      } else {
        json.writeNumber(number.doubleValue());
      }
    } else if (value instanceof Boolean bool) {
      json.writeBooleanField(name, bool);
    } else {
      json.writeStringField(name, value == null ? null : text(value));
    }
  }

  /**
   * {@code key} the first time, then {@code kv.key}, {@code kv.key.2}, ...: a JSON object whose
   * names repeat is rejected by strict parsers, and the reserved fields always keep their meaning.
   */
  private static String uniqueName(Set<String> written, String key) {
    if (written.add(key)) {
      return key;
    }
    String name = "kv." + key;
    for (int n = 2; !written.add(name); n++) {
      name = "kv." + key + "." + n;
    }
    return name;
  }

  private static String text(Object value) {
    try {
      return value.toString();
    } catch (RuntimeException e) {
      return "<" + value.getClass().getName() + ".toString() failed: " + e + ">";
    }
  }
}
