package io.linodejdbc.sql.catalog;

import java.util.ArrayList;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The PostgreSQL types the catalogs name: OIDs, names as {@code pg_type} and format_type show. */
final class PgTypeInfo {
  static final int BOOL = 16;
  static final int BYTEA = 17;
  static final int CHAR = 18;
  static final int NAME = 19;
  static final int INT8 = 20;
  static final int INT2 = 21;
  static final int INT4 = 23;
  static final int TEXT = 25;
  static final int OID = 26;
  static final int JSON = 114;
  static final int FLOAT4 = 700;
  static final int FLOAT8 = 701;
  static final int INT4_ARRAY = 1007;
  static final int TEXT_ARRAY = 1009;
  static final int BPCHAR = 1042;
  static final int VARCHAR = 1043;
  static final int DATE = 1082;
  static final int TIME = 1083;
  static final int TIMESTAMP = 1114;
  static final int TIMESTAMPTZ = 1184;
  static final int NUMERIC = 1700;
  static final int REGCLASS = 2205;
  static final int UUID = 2950;

  /**
   * One type: OID, {@code typname}, length, category, array type OID (0 for none), element type
   * (for arrays), and the SQL name format_type gives.
   */
  record Type(int oid, String name, int length, char category, int array, int element,
      String sqlName) {}

  static final List<Type> ALL = List.of(
      new Type(BOOL, "bool", 1, 'B', 1000, 0, "boolean"),
      new Type(BYTEA, "bytea", -1, 'U', 1001, 0, "bytea"),
      new Type(CHAR, "char", 1, 'Z', 1002, 0, "\"char\""),
      new Type(NAME, "name", 64, 'S', 1003, 0, "name"),
      new Type(INT8, "int8", 8, 'N', 1016, 0, "bigint"),
      new Type(INT2, "int2", 2, 'N', 1005, 0, "smallint"),
      new Type(INT4, "int4", 4, 'N', INT4_ARRAY, 0, "integer"),
      new Type(TEXT, "text", -1, 'S', TEXT_ARRAY, 0, "text"),
      new Type(OID, "oid", 4, 'N', 1028, 0, "oid"),
      new Type(JSON, "json", -1, 'U', 199, 0, "json"),
      new Type(FLOAT4, "float4", 4, 'N', 1021, 0, "real"),
      new Type(FLOAT8, "float8", 8, 'N', 1022, 0, "double precision"),
      new Type(INT4_ARRAY, "_int4", -1, 'A', 0, INT4, "integer[]"),
      new Type(TEXT_ARRAY, "_text", -1, 'A', 0, TEXT, "text[]"),
      new Type(BPCHAR, "bpchar", -1, 'S', 1014, 0, "character"),
      new Type(VARCHAR, "varchar", -1, 'S', 1015, 0, "character varying"),
      new Type(DATE, "date", 4, 'D', 1182, 0, "date"),
      new Type(TIME, "time", 8, 'D', 1183, 0, "time without time zone"),
      new Type(TIMESTAMP, "timestamp", 8, 'D', 1115, 0, "timestamp without time zone"),
      new Type(TIMESTAMPTZ, "timestamptz", 8, 'D', 1185, 0, "timestamp with time zone"),
      new Type(NUMERIC, "numeric", -1, 'N', 1231, 0, "numeric"),
      new Type(REGCLASS, "regclass", 4, 'N', 2210, 0, "regclass"),
      new Type(UUID, "uuid", 16, 'U', 2951, 0, "uuid"));

  private PgTypeInfo() {}

  static @Nullable Type of(int oid) {
    for (Type t : ALL) {
      if (t.oid() == oid) {
        return t;
      }
    }
    return null;
  }

  /** A type by {@code typname} or by SQL name ({@code integer}, {@code character varying}…). */
  static @Nullable Type named(String name) {
    String n = name.strip().toLowerCase(java.util.Locale.ROOT);
    if (n.startsWith("pg_catalog.")) {
      n = n.substring("pg_catalog.".length());
    }
    switch (n) {
    case "int":
    case "integer":
      n = "int4";
      break;
    case "bigint":
      n = "int8";
      break;
    case "smallint":
      n = "int2";
      break;
    case "boolean":
      n = "bool";
      break;
    case "double precision":
      n = "float8";
      break;
    case "real":
      n = "float4";
      break;
    case "character varying":
      n = "varchar";
      break;
    case "timestamp without time zone":
      n = "timestamp";
      break;
    case "timestamp with time zone":
      n = "timestamptz";
      break;
    default:
      break;
    }
    for (Type t : ALL) {
      if (t.name().equals(n)) {
        return t;
      }
    }
    return null;
  }

  /** {@code format_type(oid, typmod)}: e.g. {@code character varying(100)}. */
  static @Nullable String format(@Nullable Integer oid, @Nullable Integer typmod) {
    if (oid == null) {
      return null;
    }
    Type t = of(oid);
    if (t == null) {
      return "???";
    }
    int mod = typmod == null ? -1 : typmod;
    if ((oid == VARCHAR || oid == BPCHAR) && mod >= 4) {
      return t.sqlName() + "(" + (mod - 4) + ")";
    }
    if (oid == NUMERIC && mod >= 4) {
      int m = mod - 4;
      return "numeric(" + (m >> 16) + "," + (m & 0xffff) + ")";
    }
    return t.sqlName();
  }

  /** Rows of {@code pg_type}. */
  static List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (Type t : ALL) {
      rows.add(new Object[] {t.oid(), t.name(), CatalogModel.PG_CATALOG_OID,
          CatalogModel.OWNER_OID, t.length(), t.length() > 0 && t.length() <= 8, "b",
          String.valueOf(t.category()), false, true, ",", 0, t.element(), t.array(),
          t.element() != 0 ? "array_in" : t.name() + "in",
          t.element() != 0 ? "array_out" : t.name() + "out", false, 0, -1, 0, t.category() == 'S' ? 100 : 0, null, null,
          t.length() > 0 ? "i" : "x", t.length() > 0 ? "p" : "x"});
    }
    return rows;
  }

  static final String[] COLUMNS = {"oid oid", "typname text", "typnamespace oid",
      "typowner oid", "typlen int", "typbyval bool", "typtype text", "typcategory text",
      "typispreferred bool", "typisdefined bool", "typdelim text", "typrelid oid",
      "typelem oid", "typarray oid", "typinput text", "typoutput text", "typnotnull bool",
      "typbasetype oid", "typtypmod int", "typndims int", "typcollation oid",
      "typdefault text", "typacl text[]", "typalign text", "typstorage text"};
}
