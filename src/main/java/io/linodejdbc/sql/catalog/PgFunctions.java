package io.linodejdbc.sql.catalog;

import io.linodejdbc.sql.LinodeQueryException;
import io.linodejdbc.sql.SqlState;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL's catalog and session functions, as Calcite calls them (public static methods,
 * registered in {@code pg_catalog} and at the root so that they resolve qualified and
 * unqualified). They answer from the {@link CatalogModel}: no API request.
 *
 * <p>{@code version()}, {@code current_database()} and {@code current_schema()} are the
 * dialect's ({@code io.linodejdbc.sql.PgFunctions}).
 *
 * <p>The {@code reg*} functions are what {@code x::regclass} becomes in this dialect: a name
 * resolves to its OID, a number stays itself.
 */
public final class PgFunctions {
  /** The server version this catalog claims (the wire-protocol server reports the same). */
  public static final String SERVER_VERSION = "15.0";

  /** Settings {@code current_setting} and {@code pg_settings} know. */
  static final Map<String, String> SETTINGS = new LinkedHashMap<>();

  static {
    SETTINGS.put("server_version", SERVER_VERSION);
    SETTINGS.put("server_version_num", "150000");
    SETTINGS.put("server_encoding", "UTF8");
    SETTINGS.put("client_encoding", "UTF8");
    SETTINGS.put("search_path", "profile");
    SETTINGS.put("datestyle", "ISO, MDY");
    SETTINGS.put("timezone", "UTC");
    SETTINGS.put("standard_conforming_strings", "on");
    SETTINGS.put("integer_datetimes", "on");
    SETTINGS.put("max_identifier_length", "63");
    SETTINGS.put("transaction_isolation", "read committed");
    SETTINGS.put("lc_collate", "C");
    SETTINGS.put("lc_ctype", "C");
    SETTINGS.put("block_size", "8192");
    SETTINGS.put("max_index_keys", "32");
  }

  private PgFunctions() {}

  private static CatalogModel model() {
    return CatalogModel.current();
  }

  public static @Nullable String current_setting(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String value = SETTINGS.get(name.toLowerCase(Locale.ROOT));
    if (value == null) {
      throw new LinodeQueryException(SqlState.UNDEFINED_OBJECT.code(), "unrecognized configuration parameter \"" + name
          + "\"", null);
    }
    return value;
  }

  public static @Nullable String current_setting(@Nullable String name, @Nullable Boolean missingOk) {
    if (name != null && Boolean.TRUE.equals(missingOk)
        && !SETTINGS.containsKey(name.toLowerCase(Locale.ROOT))) {
      return null;
    }
    return current_setting(name);
  }

  public static String pg_get_userbyid(@Nullable Object oid) {
    return CatalogModel.OWNER;
  }

  public static @Nullable Boolean pg_table_is_visible(@Nullable Integer oid) {
    if (oid == null) {
      return null;
    }
    CatalogModel model = model();
    CatalogModel.Relation r = model.relation(oid);
    return r != null && model.onSearchPath(r.namespace());
  }

  public static @Nullable Boolean pg_type_is_visible(@Nullable Integer oid) {
    return oid == null ? null : PgTypeInfo.of(oid) != null;
  }

  public static @Nullable String format_type(@Nullable Integer oid, @Nullable Integer typmod) {
    return PgTypeInfo.format(oid, typmod);
  }

  /** {@code obj_description(oid, 'pg_class')}: a relation's description. */
  public static @Nullable String obj_description(@Nullable Integer oid, @Nullable String catalog) {
    if (oid == null || (catalog != null && !catalog.equals("pg_class"))) {
      return null;
    }
    CatalogModel.Relation r = model().relation(oid);
    return r == null ? null : r.description();
  }

  public static @Nullable String obj_description(@Nullable Integer oid) {
    return obj_description(oid, null);
  }

  public static @Nullable String shobj_description(@Nullable Object oid, @Nullable Object catalog) {
    return null; // the database and the role carry no comment
  }

  /** {@code col_description(table oid, column number)}. */
  public static @Nullable String col_description(@Nullable Integer oid, @Nullable Integer column) {
    if (oid == null || column == null) {
      return null;
    }
    CatalogModel.Relation r = model().relation(oid);
    if (r == null || column < 1 || column > r.attributes().size()) {
      return null;
    }
    return r.attributes().get(column - 1).description();
  }

  /** Stored expressions are given back as they are; none exist here (no defaults or checks). */
  public static @Nullable String pg_get_expr(@Nullable Object expression, @Nullable Object relation) {
    return expression == null ? null : expression.toString();
  }

  public static @Nullable String pg_get_expr(@Nullable Object expression, @Nullable Object relation,
      @Nullable Boolean pretty) {
    return pg_get_expr(expression, relation);
  }

  public static @Nullable String pg_get_indexdef(@Nullable Integer oid) {
    if (oid == null) {
      return null;
    }
    CatalogModel.Relation index = model().relation(oid);
    if (index == null || index.indexOf() == null) {
      return null;
    }
    StringBuilder columns = new StringBuilder();
    for (CatalogModel.Attribute a : index.attributes()) {
      columns.append(columns.length() == 0 ? "" : ", ").append(CatalogModel.quoteIdent(a.name()));
    }
    return "CREATE UNIQUE INDEX " + CatalogModel.quoteIdent(index.name()) + " ON "
        + index.indexOf().qualifiedName() + " USING btree (" + columns + ")";
  }

  public static @Nullable String pg_get_indexdef(@Nullable Integer oid, @Nullable Integer column,
      @Nullable Boolean pretty) {
    if (column != null && column > 0) {
      CatalogModel.Relation index = oid == null ? null : model().relation(oid);
      return index == null || column > index.attributes().size() ? null
          : CatalogModel.quoteIdent(index.attributes().get(column - 1).name());
    }
    return pg_get_indexdef(oid);
  }

  public static @Nullable String pg_get_constraintdef(@Nullable Integer oid) {
    if (oid == null) {
      return null;
    }
    for (CatalogModel.Relation r : model().relations) {
      if (r.constraintOid() == oid) {
        StringBuilder columns = new StringBuilder();
        for (int k : r.key()) {
          columns.append(columns.length() == 0 ? "" : ", ")
              .append(CatalogModel.quoteIdent(r.attributes().get(k - 1).name()));
        }
        return "PRIMARY KEY (" + columns + ")";
      }
    }
    return null;
  }

  public static @Nullable String pg_get_constraintdef(@Nullable Integer oid, @Nullable Boolean pretty) {
    return pg_get_constraintdef(oid);
  }

  public static @Nullable String pg_get_viewdef(@Nullable Object oid) {
    return null; // the views here are API calls, not SQL
  }

  public static @Nullable String pg_get_viewdef(@Nullable Object oid, @Nullable Boolean pretty) {
    return null;
  }

  public static Boolean pg_relation_is_publishable(@Nullable Object oid) {
    return false;
  }

  public static @Nullable String pg_get_serial_sequence(@Nullable Object table,
      @Nullable Object column) {
    return null; // no sequences: ids are given by the API
  }

  public static String pg_encoding_to_char(@Nullable Integer encoding) {
    return encoding != null && encoding == 6 ? "UTF8" : "";
  }

  public static Boolean pg_is_in_recovery() {
    return false;
  }

  /**
   * Privileges: every object here can be read with the token the session uses; whether the
   * token's scopes allow a write shows only when it is tried, so these report true.
   */
  public static Boolean has_table_privilege(@Nullable Object a, @Nullable Object b) {
    return true;
  }

  public static Boolean has_table_privilege(@Nullable Object a, @Nullable Object b,
      @Nullable Object c) {
    return true;
  }

  public static Boolean has_schema_privilege(@Nullable Object a, @Nullable Object b) {
    return true;
  }

  public static Boolean has_schema_privilege(@Nullable Object a, @Nullable Object b,
      @Nullable Object c) {
    return true;
  }

  public static Boolean has_database_privilege(@Nullable Object a, @Nullable Object b) {
    return true;
  }

  public static Boolean has_database_privilege(@Nullable Object a, @Nullable Object b,
      @Nullable Object c) {
    return true;
  }

  public static Boolean has_column_privilege(@Nullable Object a, @Nullable Object b,
      @Nullable Object c) {
    return true;
  }

  public static Boolean has_column_privilege(@Nullable Object a, @Nullable Object b,
      @Nullable Object c, @Nullable Object d) {
    return true;
  }

  public static Boolean has_any_column_privilege(@Nullable Object a, @Nullable Object b) {
    return true;
  }

  public static Boolean has_any_column_privilege(@Nullable Object a, @Nullable Object b,
      @Nullable Object c) {
    return true;
  }

  /** {@code current_schemas(include_implicit)}: the search path as an array. */
  public static java.util.List<String> current_schemas(@Nullable Boolean implicit) {
    return Boolean.TRUE.equals(implicit) ? java.util.List.of("pg_catalog", "profile")
        : java.util.List.of("profile");
  }

  /** {@code array_upper(array, dimension)}: the last index (arrays here are one-dimensional). */
  public static @Nullable Integer array_upper(java.util.@Nullable List<?> array,
      @Nullable Integer dimension) {
    return array == null || dimension == null || dimension != 1 || array.isEmpty() ? null
        : array.size();
  }

  /** {@code array_lower(array, dimension)}: arrays start at 1. */
  public static @Nullable Integer array_lower(java.util.@Nullable List<?> array,
      @Nullable Integer dimension) {
    return array == null || dimension == null || dimension != 1 || array.isEmpty() ? null : 1;
  }

  /** {@code array_length(array, dimension)}. */
  public static @Nullable Integer array_length(java.util.@Nullable List<?> array,
      @Nullable Integer dimension) {
    return array_upper(array, dimension);
  }

  /** {@code x::int2[]}, {@code x::int4[]}, {@code x::oid[]}: the integer arrays are one type here. */
  public static java.util.@Nullable List<?> _int2(java.util.@Nullable List<?> array) {
    return array;
  }

  public static java.util.@Nullable List<?> _int4(java.util.@Nullable List<?> array) {
    return array;
  }

  public static java.util.@Nullable List<?> _oid(java.util.@Nullable List<?> array) {
    return array;
  }

  /**
   * {@code json_build_object(k1, v1, ...)}: a JSON object as its text (up to eight pairs here:
   * Calcite has no variadic user functions). SQLAlchemy reads a column's identity options so.
   */
  public static String json_build_object() {
    return jsonObject();
  }

  public static String json_build_object(@Nullable Object k1, @Nullable Object v1) {
    return jsonObject(k1, v1);
  }

  public static String json_build_object(
      @Nullable Object k1, @Nullable Object v1, @Nullable Object k2, @Nullable Object v2) {
    return jsonObject(k1, v1, k2, v2);
  }

  public static String json_build_object(
      @Nullable Object k1, @Nullable Object v1, @Nullable Object k2, @Nullable Object v2,
      @Nullable Object k3, @Nullable Object v3) {
    return jsonObject(k1, v1, k2, v2, k3, v3);
  }

  public static String json_build_object(
      @Nullable Object k1, @Nullable Object v1, @Nullable Object k2, @Nullable Object v2,
      @Nullable Object k3, @Nullable Object v3, @Nullable Object k4, @Nullable Object v4) {
    return jsonObject(k1, v1, k2, v2, k3, v3, k4, v4);
  }

  public static String json_build_object(
      @Nullable Object k1, @Nullable Object v1, @Nullable Object k2, @Nullable Object v2,
      @Nullable Object k3, @Nullable Object v3, @Nullable Object k4, @Nullable Object v4,
      @Nullable Object k5, @Nullable Object v5) {
    return jsonObject(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5);
  }

  public static String json_build_object(
      @Nullable Object k1, @Nullable Object v1, @Nullable Object k2, @Nullable Object v2,
      @Nullable Object k3, @Nullable Object v3, @Nullable Object k4, @Nullable Object v4,
      @Nullable Object k5, @Nullable Object v5, @Nullable Object k6, @Nullable Object v6) {
    return jsonObject(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6);
  }

  public static String json_build_object(
      @Nullable Object k1, @Nullable Object v1, @Nullable Object k2, @Nullable Object v2,
      @Nullable Object k3, @Nullable Object v3, @Nullable Object k4, @Nullable Object v4,
      @Nullable Object k5, @Nullable Object v5, @Nullable Object k6, @Nullable Object v6,
      @Nullable Object k7, @Nullable Object v7) {
    return jsonObject(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7);
  }

  public static String json_build_object(
      @Nullable Object k1, @Nullable Object v1, @Nullable Object k2, @Nullable Object v2,
      @Nullable Object k3, @Nullable Object v3, @Nullable Object k4, @Nullable Object v4,
      @Nullable Object k5, @Nullable Object v5, @Nullable Object k6, @Nullable Object v6,
      @Nullable Object k7, @Nullable Object v7, @Nullable Object k8, @Nullable Object v8) {
    return jsonObject(k1, v1, k2, v2, k3, v3, k4, v4, k5, v5, k6, v6, k7, v7, k8, v8);
  }

  private static String jsonObject(@Nullable Object... keysAndValues) {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
      if (i > 0) {
        b.append(", ");
      }
      jsonString(b, String.valueOf(keysAndValues[i]));
      b.append(" : ");
      Object v = keysAndValues[i + 1];
      if (v == null) {
        b.append("null");
      } else if (v instanceof Number || v instanceof Boolean) {
        b.append(v);
      } else {
        jsonString(b, v.toString());
      }
    }
    return b.append('}').toString();
  }

  private static void jsonString(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
      case '"' -> b.append("\\\"");
      case '\\' -> b.append("\\\\");
      case '\n' -> b.append("\\n");
      case '\r' -> b.append("\\r");
      case '\t' -> b.append("\\t");
      default -> {
        if (c < 0x20) {
          b.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
        } else {
          b.append(c);
        }
      }
      }
    }
    b.append('"');
  }

  /** Extended statistics: none exist, so no object has columns. */
  public static @Nullable String pg_get_statisticsobjdef_columns(@Nullable Integer oid) {
    return null;
  }

  /** {@code array_to_string(array, delimiter)}: NULL elements are skipped, as in PostgreSQL. */
  public static @Nullable String array_to_string(java.util.@Nullable List<?> array,
      @Nullable String delimiter) {
    if (array == null || delimiter == null) {
      return null;
    }
    StringBuilder b = new StringBuilder();
    for (Object o : array) {
      if (o != null) {
        b.append(b.length() == 0 ? "" : delimiter).append(o);
      }
    }
    return b.toString();
  }

  /**
   * {@code parse_ident(name)}: a possibly qualified, possibly quoted name split into its parts,
   * unquoted parts in lower case ({@code parse_ident('profile."My T"')} is
   * {@code {profile,My T}}). Grafana's column list asks whether a table name is qualified so.
   */
  public static java.util.@Nullable List<String> parse_ident(@Nullable String name) {
    if (name == null) {
      return null;
    }
    java.util.List<String> parts = new java.util.ArrayList<>();
    int i = 0;
    int n = name.length();
    while (true) {
      while (i < n && Character.isWhitespace(name.charAt(i))) {
        i++;
      }
      StringBuilder part = new StringBuilder();
      if (i < n && name.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw badIdent(name, "String has unclosed double quotes.");
          }
          char c = name.charAt(i++);
          if (c == '"') {
            if (i < n && name.charAt(i) == '"') {
              part.append('"');
              i++;
              continue;
            }
            break;
          }
          part.append(c);
        }
        if (part.length() == 0) {
          throw badIdent(name, "Quoted identifier must not be empty.");
        }
      } else {
        while (i < n && name.charAt(i) != '.' && !Character.isWhitespace(name.charAt(i))) {
          part.append(Character.toLowerCase(name.charAt(i++)));
        }
        if (part.length() == 0) {
          throw badIdent(name, i < n ? "No valid identifier before \".\"."
              : "No valid identifier after \".\".");
        }
      }
      parts.add(part.toString());
      while (i < n && Character.isWhitespace(name.charAt(i))) {
        i++;
      }
      if (i >= n) {
        return parts;
      }
      if (name.charAt(i) != '.') {
        throw badIdent(name, null);
      }
      i++;
    }
  }

  private static LinodeQueryException badIdent(String name, @Nullable String detail) {
    return new LinodeQueryException(SqlState.INVALID_PARAMETER_VALUE.code(),
        "string is not a valid identifier: \"" + name + "\"" + (detail == null ? "" : ": " + detail),
        null);
  }

  /**
   * {@code format(fmt, args...)} with PostgreSQL's conversions {@code %s} (the value as text, NULL
   * as nothing), {@code %I} (an identifier, quoted where needed), {@code %L} (a literal, NULL as
   * {@code NULL}), {@code %%}, and argument positions {@code %2$s}; up to four arguments (Calcite
   * has no variadic user functions). Metabase's field list formats type and table names so.
   */
  public static @Nullable String format(@Nullable String fmt) {
    return formatOf(fmt);
  }

  public static @Nullable String format(@Nullable String fmt, @Nullable Object a) {
    return formatOf(fmt, a);
  }

  public static @Nullable String format(@Nullable String fmt, @Nullable Object a,
      @Nullable Object b) {
    return formatOf(fmt, a, b);
  }

  public static @Nullable String format(@Nullable String fmt, @Nullable Object a,
      @Nullable Object b, @Nullable Object c) {
    return formatOf(fmt, a, b, c);
  }

  public static @Nullable String format(@Nullable String fmt, @Nullable Object a,
      @Nullable Object b, @Nullable Object c, @Nullable Object d) {
    return formatOf(fmt, a, b, c, d);
  }

  private static @Nullable String formatOf(@Nullable String fmt, @Nullable Object... args) {
    if (fmt == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int next = 0;
    for (int i = 0; i < fmt.length(); i++) {
      char c = fmt.charAt(i);
      if (c != '%') {
        out.append(c);
        continue;
      }
      if (++i >= fmt.length()) {
        throw formatError("unterminated format() type specifier");
      }
      if (fmt.charAt(i) == '%') {
        out.append('%');
        continue;
      }
      int j = i;
      while (j < fmt.length() && Character.isDigit(fmt.charAt(j))) {
        j++;
      }
      int index = next;
      if (j > i && j < fmt.length() && fmt.charAt(j) == '$') {
        index = Integer.parseInt(fmt.substring(i, j)) - 1;
        i = j + 1;
      }
      if (i >= fmt.length()) {
        throw formatError("unterminated format() type specifier");
      }
      char type = fmt.charAt(i);
      if (type != 's' && type != 'I' && type != 'L') {
        throw formatError("unrecognized format() type specifier \"" + type + "\"");
      }
      if (index < 0 || index >= args.length) {
        throw formatError("too few arguments for format()");
      }
      Object v = args[index];
      next = index + 1;
      if (type == 's') {
        out.append(v == null ? "" : v.toString());
      } else if (type == 'I') {
        if (v == null) {
          throw new LinodeQueryException(SqlState.INVALID_PARAMETER_VALUE.code(),
              "null values cannot be formatted as an SQL identifier", null);
        }
        out.append(CatalogModel.quoteIdent(v.toString()));
      } else {
        out.append(v == null ? "NULL" : "'" + v.toString().replace("'", "''") + "'");
      }
    }
    return out.toString();
  }

  private static LinodeQueryException formatError(String message) {
    return new LinodeQueryException(SqlState.INVALID_PARAMETER_VALUE.code(), message, null);
  }

  /** {@code quote_ident}: double quotes where PostgreSQL needs them. */
  public static @Nullable String quote_ident(@Nullable String name) {
    return name == null ? null : CatalogModel.quoteIdent(name);
  }

  /** {@code x::regclass}: a relation name (optionally schema-qualified or quoted) to its OID. */
  public static @Nullable Integer regclass(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String[] parts = splitName(name);
    CatalogModel.Relation r = parts.length == 2 ? model().relation(parts[0], parts[1])
        : model().relation(null, parts[0]);
    if (r == null) {
      if (name.strip().matches("\\d+")) {
        return Integer.valueOf(name.strip());
      }
      throw new LinodeQueryException(SqlState.UNDEFINED_RELATION.code(), "relation \"" + name + "\" does not exist",
          null);
    }
    return r.oid();
  }

  public static @Nullable Integer regclass(@Nullable Integer oid) {
    return oid;
  }

  /** {@code x::regtype}: a type name to its OID. */
  public static @Nullable Integer regtype(@Nullable String name) {
    if (name == null) {
      return null;
    }
    PgTypeInfo.Type t = PgTypeInfo.named(name);
    if (t == null) {
      if (name.strip().matches("\\d+")) {
        return Integer.valueOf(name.strip());
      }
      throw new LinodeQueryException(SqlState.UNDEFINED_OBJECT.code(), "type \"" + name + "\" does not exist", null);
    }
    return t.oid();
  }

  public static @Nullable Integer regtype(@Nullable Integer oid) {
    return oid;
  }

  /** {@code x::regnamespace}: a schema name to its OID. */
  public static @Nullable Integer regnamespace(@Nullable String name) {
    if (name == null) {
      return null;
    }
    CatalogModel.Namespace n = model().namespace(splitName(name)[0]);
    if (n == null) {
      if (name.strip().matches("\\d+")) {
        return Integer.valueOf(name.strip());
      }
      throw new LinodeQueryException(SqlState.INVALID_SCHEMA_NAME.code(), "schema \"" + name + "\" does not exist",
          null);
    }
    return n.oid();
  }

  public static @Nullable Integer regnamespace(@Nullable Integer oid) {
    return oid;
  }

  /**
   * {@code x::regproc}: a function's name. Functions are named, not numbered, in this catalog
   * ({@code pg_type.typinput} holds {@code array_in}), so the name is the value, without the
   * schema.
   */
  public static @Nullable String regproc(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String[] parts = splitName(name);
    return parts[parts.length - 1];
  }

  /** {@code x::oid}. */
  public static @Nullable Integer oid(@Nullable Integer value) {
    return value;
  }

  public static @Nullable Integer oid(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.strip());
    } catch (NumberFormatException e) {
      throw new LinodeQueryException(SqlState.INVALID_TEXT_REPRESENTATION.code(),
          "invalid input syntax for type oid: \"" + value
          + "\"", null);
    }
  }

  /** {@code name} and {@code "char"} are text here. */
  public static @Nullable String name(@Nullable String value) {
    return value;
  }

  private static String[] splitName(String name) {
    String n = name.strip();
    java.util.List<String> parts = new java.util.ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < n.length(); i++) {
      char c = n.charAt(i);
      if (c == '"') {
        if (quoted && i + 1 < n.length() && n.charAt(i + 1) == '"') {
          b.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (c == '.' && !quoted) {
        parts.add(b.toString());
        b.setLength(0);
      } else {
        b.append(quoted ? c : Character.toLowerCase(c));
      }
    }
    parts.add(b.toString());
    if (parts.size() == 3) {
      parts.remove(0); // database.schema.name
    }
    return parts.toArray(new String[0]);
  }
}
