package io.linodejdbc.sql.write;

/**
 * The safety rails of statements that change tokens.
 *
 * @param allowFullTableDml let UPDATE and DELETE run without a WHERE clause
 * @param allowRevokeSelf let DELETE revoke the token the connection itself uses
 * @param dryRun answer every INSERT/UPDATE/REPLACE/DELETE with the requests it would send, and
 *     send none
 */
public record WriteOptions(boolean allowFullTableDml, boolean allowRevokeSelf, boolean dryRun) {
  /** The defaults: every rail up, changes really sent. */
  public static final WriteOptions DEFAULTS = new WriteOptions(false, false, false);
}
