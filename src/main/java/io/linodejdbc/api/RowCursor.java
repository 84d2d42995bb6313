package io.linodejdbc.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * A lazy, closeable iterator of JSON objects read from the Linode API.
 *
 * <p>Iteration ({@link #hasNext()}, {@link #next()}) is meant for one consumer thread. {@link #close()}
 * may be called from any thread (for example by {@code Statement.cancel}) and stops network activity
 * promptly: requests in flight are cancelled and no new ones start. A cursor never ends silently
 * early: a failed request, or iteration after another thread closed the cursor, makes
 * {@code hasNext()}/{@code next()} throw {@link LinodeApiException}.
 */
public interface RowCursor extends Iterator<ObjectNode>, AutoCloseable {

  /** Stops all network activity of this cursor and releases its resources. Idempotent; never throws. */
  @Override
  void close();
}
