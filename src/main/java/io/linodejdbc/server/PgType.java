package io.linodejdbc.server;

import java.sql.Types;

/** The PostgreSQL types the server sends and accepts, with their OIDs and binary sizes. */
enum PgType {
  BOOL(16, 1, "bool"),
  BYTEA(17, -1, "bytea"),
  NAME(19, 64, "name"),
  INT8(20, 8, "int8"),
  INT2(21, 2, "int2"),
  INT4(23, 4, "int4"),
  TEXT(25, -1, "text"),
  OID(26, 4, "oid"),
  JSON(114, -1, "json"),
  FLOAT4(700, 4, "float4"),
  FLOAT8(701, 8, "float8"),
  UNKNOWN(705, -2, "unknown"),
  BPCHAR(1042, -1, "bpchar"),
  VARCHAR(1043, -1, "varchar"),
  DATE(1082, 4, "date"),
  TIME(1083, 8, "time"),
  TIMESTAMP(1114, 8, "timestamp"),
  TIMESTAMPTZ(1184, 8, "timestamptz"),
  NUMERIC(1700, -1, "numeric"),
  UUID(2950, 16, "uuid"),
  TEXT_ARRAY(1009, -1, "_text"),
  INT4_ARRAY(1007, -1, "_int4");

  final int oid;
  final int size;
  final String name;

  PgType(int oid, int size, String name) {
    this.oid = oid;
    this.size = size;
    this.name = name;
  }

  /** The type of an OID a client named, or null when it is 0 (unspecified) or not known here. */
  static PgType ofOid(int oid) {
    for (PgType t : values()) {
      if (t.oid == oid) {
        return t;
      }
    }
    return null;
  }

  /** The PostgreSQL type that carries values of a JDBC type. */
  static PgType ofJdbc(int jdbcType, String typeName) {
    switch (jdbcType) {
    case Types.BOOLEAN:
    case Types.BIT:
      return BOOL;
    case Types.TINYINT:
    case Types.SMALLINT:
      return INT2;
    case Types.INTEGER:
      return INT4;
    case Types.BIGINT:
      return INT8;
    case Types.REAL:
      return FLOAT4;
    case Types.FLOAT:
    case Types.DOUBLE:
      return FLOAT8;
    case Types.DECIMAL:
    case Types.NUMERIC:
      return NUMERIC;
    case Types.CHAR:
    case Types.NCHAR:
    case Types.VARCHAR:
    case Types.NVARCHAR:
    case Types.LONGVARCHAR:
    case Types.LONGNVARCHAR:
    case Types.CLOB:
      return VARCHAR;
    case Types.DATE:
      return DATE;
    case Types.TIME:
      return TIME;
    case Types.TIMESTAMP:
      return TIMESTAMP;
    case Types.TIMESTAMP_WITH_TIMEZONE:
      return TIMESTAMPTZ;
    case Types.BINARY:
    case Types.VARBINARY:
    case Types.LONGVARBINARY:
    case Types.BLOB:
      return BYTEA;
    case Types.ARRAY:
      return typeName != null && typeName.toUpperCase(java.util.Locale.ROOT).contains("INT")
          ? INT4_ARRAY : TEXT_ARRAY;
    default:
      return TEXT;
    }
  }
}
