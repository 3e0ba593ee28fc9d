package io.predictivescaler.core.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version this jar was built as, from {@code version.properties}, which Maven fills in from the
 * project version when it copies the resources.
 */
public final class BuildVersion {

  static final String RESOURCE = "version.properties";
  private static final String UNKNOWN = "unknown";

  private BuildVersion() {}

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when not built by Maven. */
  public static String current() {
    try (InputStream in = BuildVersion.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "").trim();
      return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE + " from the jar", e);
    }
  }
}
