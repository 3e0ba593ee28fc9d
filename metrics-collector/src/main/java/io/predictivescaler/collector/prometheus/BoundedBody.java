package io.predictivescaler.collector.prometheus;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import java.util.function.Function;

/**
 * Reads a response body up to a byte limit. A body that declares a longer {@code Content-Length},
 * or streams more than the limit, is refused at once: the request is reset (which closes an
 * HTTP/1.1 connection) so the rest is never read, and at most {@code limit} bytes are ever held.
 */
final class BoundedBody {

  private BoundedBody() {}

  /**
   * @param tooLarge the failure to report, given what exceeded the limit
   */
  static Future<Buffer> read(
      HttpClientRequest request,
      HttpClientResponse response,
      long limit,
      Function<String, Throwable> tooLarge) {
    long declared = declaredLength(response);
    if (declared > limit) {
      response.exceptionHandler(ignoredReset -> {}); // the reset below is ours, not news
      request.reset();
      return Future.failedFuture(tooLarge.apply("Content-Length " + declared));
    }
    Promise<Buffer> body = Promise.promise();
    Buffer received = Buffer.buffer();
    response.handler(
        chunk -> {
          if (body.future().isComplete()) {
            return;
          }
          if ((long) received.length() + chunk.length() > limit) {
            body.tryFail(tooLarge.apply("more than " + limit + " bytes received"));
            request.reset();
            return;
          }
          received.appendBuffer(chunk);
        });
    response.exceptionHandler(body::tryFail);
    response.endHandler(v -> body.tryComplete(received));
    return body.future();
  }

  private static long declaredLength(HttpClientResponse response) {
    String header = response.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
