package io.predictivescaler.collector.prometheus;

import io.predictivescaler.collector.source.FailureKind;
import io.predictivescaler.collector.source.MetricSourceException;
import io.vertx.core.Future;
import io.vertx.core.file.FileSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A bearer token kept in a file (a projected service-account token rotates). Checks the file's
 * modification time and size on every use, asynchronously, and re-reads it when either changed.
 */
final class BearerTokenFile {

  private final FileSystem fileSystem;
  private final Path path;
  private final String source;

  private volatile String token;
  private volatile long lastModified = -1;
  private volatile long size = -1;

  BearerTokenFile(FileSystem fileSystem, Path path, String source) {
    this.fileSystem = fileSystem;
    this.path = path;
    this.source = source;
  }

  Future<String> current() {
    String file = path.toString();
    return fileSystem
        .props(file)
        .compose(
            props -> {
              if (token != null
                  && props.lastModifiedTime() == lastModified
                  && props.size() == size) {
                return Future.succeededFuture(token);
              }
              return fileSystem
                  .readFile(file)
                  .map(
                      buffer -> {
                        token = buffer.toString(StandardCharsets.UTF_8).trim();
                        lastModified = props.lastModifiedTime();
                        size = props.size();
                        return token;
                      });
            })
        .recover(
            e ->
                Future.failedFuture(
                    new MetricSourceException(
                        source,
                        FailureKind.OTHER,
                        "reading the Prometheus bearer token from " + file + ": " + e.getMessage(),
                        e)));
  }
}
