package io.linodejdbc.sql.parser;

import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlTypeNameSpec;
import org.apache.calcite.sql.SqlUserDefinedTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's type names. Calcite's grammar knows the SQL standard's names ({@code integer},
 * {@code varchar}, {@code timestamp}, ...); PostgreSQL's own ({@code text}, {@code int4},
 * {@code timestamptz}, ...) reach the parser as user-defined type names and are mapped here.
 */
public final class PgTypes {
  /** PostgreSQL's names that mean a Calcite type. The driver has no time zones: all is UTC. */
  private static final Map<String, SqlTypeName> ALIASES = Map.ofEntries(
      Map.entry("text", SqlTypeName.VARCHAR),
      Map.entry("bpchar", SqlTypeName.CHAR),
      Map.entry("int2", SqlTypeName.SMALLINT),
      Map.entry("int4", SqlTypeName.INTEGER),
      Map.entry("int8", SqlTypeName.BIGINT),
      Map.entry("float4", SqlTypeName.REAL),
      Map.entry("float8", SqlTypeName.DOUBLE),
      Map.entry("bool", SqlTypeName.BOOLEAN),
      Map.entry("timestamptz", SqlTypeName.TIMESTAMP));

  /** PostgreSQL's canonical name of each Calcite type, for column names ({@code 1::int}). */
  private static final Map<SqlTypeName, String> PG_NAMES = Map.ofEntries(
      Map.entry(SqlTypeName.VARCHAR, "varchar"),
      Map.entry(SqlTypeName.CHAR, "bpchar"),
      Map.entry(SqlTypeName.SMALLINT, "int2"),
      Map.entry(SqlTypeName.INTEGER, "int4"),
      Map.entry(SqlTypeName.BIGINT, "int8"),
      Map.entry(SqlTypeName.REAL, "float4"),
      Map.entry(SqlTypeName.DOUBLE, "float8"),
      Map.entry(SqlTypeName.FLOAT, "float8"),
      Map.entry(SqlTypeName.DECIMAL, "numeric"),
      Map.entry(SqlTypeName.BOOLEAN, "bool"),
      Map.entry(SqlTypeName.DATE, "date"),
      Map.entry(SqlTypeName.TIME, "time"),
      Map.entry(SqlTypeName.TIMESTAMP, "timestamp"));

  /** Prefix of PostgreSQL's array type names ({@code _text} is {@code text[]}). */
  static final String ARRAY_PREFIX = "_";

  private PgTypes() {}

  /** {@code type[]}: PostgreSQL's array type, named as PostgreSQL names it internally. */
  public static SqlDataTypeSpec arrayOf(SqlDataTypeSpec element, SqlParserPos pos) {
    String name = pgName(element);
    return new SqlDataTypeSpec(
        new SqlUserDefinedTypeNameSpec(new SqlIdentifier(ARRAY_PREFIX + name, pos), pos), pos);
  }

  /** The user-defined (unknown to Calcite) type name of a spec, lower case, or null. */
  static @Nullable String userDefinedName(SqlDataTypeSpec spec) {
    SqlTypeNameSpec name = spec.getTypeNameSpec();
    if (name instanceof SqlUserDefinedTypeNameSpec) {
      SqlIdentifier id = name.getTypeName();
      return id.isSimple() ? id.getSimple().toLowerCase(Locale.ROOT) : null;
    }
    return null;
  }

  /** The Calcite type a PostgreSQL type name stands for, or null when there is none. */
  static @Nullable SqlDataTypeSpec calciteType(String pgName, SqlParserPos pos) {
    SqlTypeName t = ALIASES.get(pgName);
    return t == null ? null
        : new SqlDataTypeSpec(new SqlBasicTypeNameSpec(t, pos), pos);
  }

  /** The name PostgreSQL gives the type, as in its column names. */
  static String pgName(SqlDataTypeSpec spec) {
    String udt = userDefinedName(spec);
    if (udt != null) {
      return udt; // PostgreSQL's own names are its canonical ones
    }
    SqlTypeName t = SqlTypeName.get(spec.getTypeName().getSimple().toUpperCase(Locale.ROOT));
    String pg = t == null ? null : PG_NAMES.get(t);
    return pg != null ? pg : spec.getTypeName().getSimple().toLowerCase(Locale.ROOT);
  }
}
