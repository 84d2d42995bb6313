package io.linodejdbc.resource;

/**
 * The SQL type of a resource column, as the driver exposes it.
 *
 * <p>Deliberately small: these are the shapes Linode's JSON values take. The SQL layer maps them
 * onto its own type system; this layer only states intent.
 */
public enum ColumnType {
  /** A 32-bit integer, such as an object id. */
  INTEGER,
  /** A UTC date-time without zone, written {@code YYYY-MM-DDTHH:MM:SS} by the API. */
  TIMESTAMP,
  /** Text. */
  VARCHAR
}
