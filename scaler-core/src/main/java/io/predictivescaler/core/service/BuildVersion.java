package io.predictivescaler.core.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version and commit this jar was built from: {@code version.properties}, which Maven fills in
 * from the project version when it copies the resources, and {@code revision.properties}, which the
 * build writes from {@code git rev-parse HEAD} (or {@code -Dscaler.revision=...}, e.g. in an image
 * build without the repository's history).
 */
public final class BuildVersion {

  static final String RESOURCE = "version.properties";
  static final String REVISION_RESOURCE = "revision.properties";
  static final String UNKNOWN = "unknown";

  private BuildVersion() {}

  /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when not built by Maven. */
  public static String current() {
    return read(RESOURCE, "version");
  }

  /**
   * The commit built, e.g. the 40 hex digits of {@code git rev-parse HEAD}; {@code unknown} when
   * the build ran outside a git checkout and was not told.
   */
  public static String revision() {
    return read(REVISION_RESOURCE, "revision");
  }

  private static String read(String resource, String key) {
    try (InputStream in = BuildVersion.class.getResourceAsStream(resource)) {
      if (in == null) {
        return UNKNOWN;
      }
      Properties properties = new Properties();
      properties.load(in);
      String value = properties.getProperty(key, "").trim();
      return value.isEmpty() || value.startsWith("${") ? UNKNOWN : value;
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource + " from the jar", e);
    }
  }
}
