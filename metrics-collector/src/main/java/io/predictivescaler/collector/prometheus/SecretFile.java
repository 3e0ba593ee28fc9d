package io.predictivescaler.collector.prometheus;

import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.MetricSourceException;
import io.vertx.core.Future;
import io.vertx.core.file.FileSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A secret kept in a file (a projected service-account token, a mounted Secret's password): both
 * rotate. Checks the file's modification time and size on every use, asynchronously, and re-reads
 * it when either changed. The content is trimmed of surrounding whitespace.
 */
final class SecretFile {

  private final FileSystem fileSystem;
  private final Path path;
  private final String source;
  private final String what;

  private volatile String secret;
  private volatile long lastModified = -1;
  private volatile long size = -1;

  /**
   * @param what what the file holds, for messages, e.g. {@code bearer token}
   */
  SecretFile(FileSystem fileSystem, Path path, String source, String what) {
    this.fileSystem = fileSystem;
    this.path = path;
    this.source = source;
    this.what = what;
  }

  Future<String> current() {
    String file = path.toString();
    return fileSystem
        .props(file)
        .compose(
            props -> {
              if (secret != null
                  && props.lastModifiedTime() == lastModified
                  && props.size() == size) {
                return Future.succeededFuture(secret);
              }
              return fileSystem
                  .readFile(file)
                  .map(
                      buffer -> {
                        secret = buffer.toString(StandardCharsets.UTF_8).trim();
                        lastModified = props.lastModifiedTime();
                        size = props.size();
                        return secret;
                      });
            })
        .recover(
            e ->
                Future.failedFuture(
                    new MetricSourceException(
                        source,
                        FailureKind.OTHER,
                        "reading the Prometheus " + what + " from " + file + ": " + e.getMessage(),
                        e)));
  }
}
