package io.linodejdbc.api;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Turns the outcome of a background fetch into a value or a {@link LinodeApiException} for the consumer. */
final class Futures {

  private Futures() {}

  /**
   * Waits for {@code future}. Its own {@link LinodeApiException} is rethrown as is; cancellation and
   * interruption become kind {@code CANCELLED} naming {@code method path}.
   */
  static <T> T await(Future<T> future, String method, String path) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("unexpected failure of " + method + " " + path, cause);
    } catch (CancellationException e) {
      throw LinodeApiException.builder(LinodeApiException.Kind.CANCELLED, method, path).attempts(0).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw LinodeApiException.builder(LinodeApiException.Kind.CANCELLED, method, path).attempts(0)
          .detail("thread interrupted").build();
    }
  }
}
