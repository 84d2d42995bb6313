package io.linodejdbc.resource;

import java.sql.JDBCType;

/**
 * The SQL type of a resource column, as the driver exposes it.
 *
 * <p>Deliberately small: these are the shapes Linode's JSON values take. The SQL layer maps them
 * onto its own type system; this layer only states intent.
 */
public enum ColumnType {
  /** A 32-bit integer, such as an object id. */
  INTEGER(JDBCType.INTEGER),
  /** A UTC date-time without zone, written {@code YYYY-MM-DDTHH:MM:SS} by the API. */
  TIMESTAMP(JDBCType.TIMESTAMP),
  /** Text. */
  VARCHAR(JDBCType.VARCHAR);

  private final JDBCType jdbcType;

  ColumnType(JDBCType jdbcType) {
    this.jdbcType = jdbcType;
  }

  public JDBCType jdbcType() {
    return jdbcType;
  }
}
