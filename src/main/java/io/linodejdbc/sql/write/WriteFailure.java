package io.linodejdbc.sql.write;

import java.util.List;

/**
 * A statement that changed some rows and then failed. The API has no transactions: what was done
 * stays done, so the user must learn exactly which rows those were.
 */
final class WriteFailure extends RuntimeException {

  /** @param key the resource's key column, which {@code doneIds} are values of */
  WriteFailure(String verb, long done, long total, String key, List<Integer> doneIds,
      RuntimeException cause, String note) {
    super(verb + " stopped after " + done + " of " + total + " row(s)"
        + (doneIds.isEmpty() ? "" : " (already applied to " + key + " " + doneIds + ")")
        + ": " + cause.getMessage() + note, cause);
  }
}
