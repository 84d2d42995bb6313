package io.linodejdbc.sql.write;

import java.util.List;

/**
 * A statement that changed some rows and then failed. The API has no transactions: what was done
 * stays done, so the user must learn exactly which rows those were.
 */
final class WriteFailure extends RuntimeException {

  WriteFailure(String verb, long done, long total, List<Integer> doneIds, RuntimeException cause,
      String note) {
    super(verb + " stopped after " + done + " of " + total + " row(s)"
        + (doneIds.isEmpty() ? "" : " (already applied to id " + doneIds + ")")
        + ": " + cause.getMessage() + note, cause);
  }
}
