package io.linodejdbc.sql.write;

import java.util.List;

/**
 * A statement that changed some rows and then failed. The API has no transactions: what was done
 * stays done, so the user must learn exactly which rows those were.
 */
public final class WriteFailure extends RuntimeException {
  private final String verb;
  private final long done;
  private final long total;
  private final List<Integer> doneIds;

  WriteFailure(String verb, long done, long total, List<Integer> doneIds, RuntimeException cause,
      String note) {
    super(verb + " stopped after " + done + " of " + total + " row(s)"
        + (doneIds.isEmpty() ? "" : " (already applied to id " + doneIds + ")")
        + ": " + cause.getMessage() + note, cause);
    this.verb = verb;
    this.done = done;
    this.total = total;
    this.doneIds = List.copyOf(doneIds);
  }

  public String verb() {
    return verb;
  }

  /** Rows the API applied before the failure. */
  public long done() {
    return done;
  }

  /** Rows the statement meant to change. */
  public long total() {
    return total;
  }

  /** Ids of the rows applied (for INSERT, of the tokens created). */
  public List<Integer> doneIds() {
    return doneIds;
  }
}
