package io.linodejdbc.sandbox;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/** Carries out a {@link Fault} on an exchange. Part of the reliability-test hook of {@link SandboxHandler}. */
final class FaultInjector {
  private FaultInjector() {}

  /** Sleeps the fault's stall, if any; false if interrupted (the server is stopping). */
  static boolean stall(Fault fault) {
    Duration d = fault.stallDuration();
    if (d.isZero()) {
      return true;
    }
    try {
      Thread.sleep(d.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The status recorded in the request log for a replaced answer (0: no response at all). */
  static int recordedStatus(Fault fault) {
    return fault.kind() == Fault.Kind.DROP_CONNECTION ? 0 : fault.status();
  }

  /** Sends the replacement answer; the caller closes the exchange afterwards. */
  static void send(HttpExchange exchange, Fault fault) throws IOException {
    switch (fault.kind()) {
      case DROP_CONNECTION -> {
        // Closing an exchange whose response was never started closes the connection.
      }
      case RESPONSE, TRUNCATED_BODY -> {
        fault.headers().forEach(exchange.getResponseHeaders()::set);
        long length = fault.declaredLength() < 0 ? 0 : fault.declaredLength(); // 0 = chunked
        exchange.sendResponseHeaders(fault.status(), length);
        OutputStream os = exchange.getResponseBody();
        fault.bodyWriter().writeTo(os);
        os.flush();
        if (fault.kind() == Fault.Kind.RESPONSE) {
          os.close();
        }
        // TRUNCATED_BODY: the exchange's close() finds bytes missing and drops the connection.
      }
      case NONE -> throw new IllegalStateException("nothing to send");
    }
  }
}
