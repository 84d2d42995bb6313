package io.linodejdbc.sql.catalog;

/**
 * Functions the dialect's operator table already answers unqualified ({@code version()},
 * {@code current_database()}, {@code current_schema()}), here for the qualified spelling clients
 * also send ({@code pg_catalog.version()}: SQLAlchemy on connect). Registered in
 * {@code pg_catalog} only, so that the unqualified names stay the dialect's.
 */
public final class QualifiedFunctions {
  private QualifiedFunctions() {}

  public static String version() {
    return io.linodejdbc.sql.PgFunctions.version();
  }

  public static String current_database() {
    return io.linodejdbc.sql.PgFunctions.current_database();
  }

  public static String current_schema() {
    return io.linodejdbc.sql.PgFunctions.pg_current_schema();
  }
}
