package io.linodejdbc.sql;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * PostgreSQL functions Calcite lacks or computes differently, as SQL functions of the same
 * name ({@link PgOperatorTable}). Each public static method is one function.
 */
public final class PgFunctions {
  /** What {@code version()} answers: clients read the PostgreSQL version from it. */
  public static final String VERSION =
      "PostgreSQL 15.0 (linode-jdbc: PostgreSQL dialect over the Linode API)";

  private PgFunctions() {}

  /**
   * {@code char_length} / {@code length} as PostgreSQL counts: characters (code points), where
   * Java and Calcite count UTF-16 units (an emoji would count 2).
   */
  public static @Nullable Integer pg_char_length(@Nullable String s) {
    return s == null ? null : s.codePointCount(0, s.length());
  }

  /**
   * {@code strpos(s, sub)} / {@code position(sub IN s)} as PostgreSQL counts: the 1-based
   * character (code point) position of the first occurrence, 0 when there is none.
   */
  public static @Nullable Integer pg_strpos(@Nullable String s, @Nullable String sub) {
    if (s == null || sub == null) {
      return null;
    }
    int at = s.indexOf(sub);
    return at < 0 ? 0 : s.codePointCount(0, at) + 1;
  }

  /** {@code version()}. */
  public static String version() {
    return VERSION;
  }

  /** {@code current_database()}: the catalog. */
  public static String current_database() {
    return LinodeSchemas.PROVIDER;
  }

  /** {@code current_schema()}: the default schema of every connection. */
  public static String pg_current_schema() {
    return "profile";
  }
}
