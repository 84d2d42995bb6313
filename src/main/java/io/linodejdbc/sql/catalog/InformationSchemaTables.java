package io.linodejdbc.sql.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL standard's {@code information_schema} views that tools read (Grafana's table and
 * column pickers, Metabase, generic SQL clients), with PostgreSQL's column names and values:
 * catalog {@code linode}, data types as PostgreSQL spells them ({@code integer},
 * {@code character varying}, {@code timestamp without time zone}).
 */
final class InformationSchemaTables {
  private InformationSchemaTables() {}

  static List<CatalogTable> all(CatalogModel.Holder model) {
    List<CatalogTable> t = new ArrayList<>();
    t.add(new CatalogTable("schemata", CatalogTable.columns("catalog_name text",
        "schema_name text", "schema_owner text", "default_character_set_catalog text",
        "default_character_set_schema text", "default_character_set_name text",
        "sql_path text"), InformationSchemaTables::schemata, model));
    t.add(new CatalogTable("tables", CatalogTable.columns("table_catalog text",
        "table_schema text", "table_name text", "table_type text",
        "self_referencing_column_name text", "reference_generation text",
        "user_defined_type_catalog text", "user_defined_type_schema text",
        "user_defined_type_name text", "is_insertable_into text", "is_typed text",
        "commit_action text"), InformationSchemaTables::tables, model));
    t.add(new CatalogTable("views", CatalogTable.columns("table_catalog text",
        "table_schema text", "table_name text", "view_definition text", "check_option text",
        "is_updatable text", "is_insertable_into text", "is_trigger_updatable text",
        "is_trigger_deletable text", "is_trigger_insertable_into text"),
        InformationSchemaTables::views, model));
    t.add(new CatalogTable("columns", CatalogTable.columns("table_catalog text",
        "table_schema text", "table_name text", "column_name text", "ordinal_position int",
        "column_default text", "is_nullable text", "data_type text",
        "character_maximum_length int", "character_octet_length int",
        "numeric_precision int", "numeric_precision_radix int", "numeric_scale int",
        "datetime_precision int", "interval_type text", "interval_precision int",
        "character_set_catalog text", "character_set_schema text", "character_set_name text",
        "collation_catalog text", "collation_schema text", "collation_name text",
        "domain_catalog text", "domain_schema text", "domain_name text", "udt_catalog text",
        "udt_schema text", "udt_name text", "scope_catalog text", "scope_schema text",
        "scope_name text", "maximum_cardinality int", "dtd_identifier text",
        "is_self_referencing text", "is_identity text", "identity_generation text",
        "identity_start text", "identity_increment text", "identity_maximum text",
        "identity_minimum text", "identity_cycle text", "is_generated text",
        "generation_expression text", "is_updatable text"),
        InformationSchemaTables::columns, model));
    t.add(new CatalogTable("table_constraints", CatalogTable.columns(
        "constraint_catalog text", "constraint_schema text", "constraint_name text",
        "table_catalog text", "table_schema text", "table_name text", "constraint_type text",
        "is_deferrable text", "initially_deferred text", "enforced text",
        "nulls_distinct text"), InformationSchemaTables::constraints, model));
    t.add(new CatalogTable("key_column_usage", CatalogTable.columns(
        "constraint_catalog text", "constraint_schema text", "constraint_name text",
        "table_catalog text", "table_schema text", "table_name text", "column_name text",
        "ordinal_position int", "position_in_unique_constraint int"),
        InformationSchemaTables::keyColumns, model));
    return t;
  }

  private static final String CATALOG = "linode";

  private static List<Object[]> schemata(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Namespace n : m.namespaces) {
      rows.add(new Object[] {CATALOG, n.name(), CatalogModel.OWNER, null, null, null, null});
    }
    return rows;
  }

  private static List<Object[]> tables(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      if (r.kind() == 'i') {
        continue;
      }
      boolean linode = r.namespace().oid() > CatalogModel.DATABASE_OID;
      rows.add(new Object[] {CATALOG, r.namespace().name(), r.name(),
          r.kind() == 'v' ? "VIEW" : "BASE TABLE", null, null, null, null, null,
          linode && r.kind() == 'r' ? "YES" : "NO", "NO", null});
    }
    return rows;
  }

  private static List<Object[]> views(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      if (r.kind() == 'v') {
        rows.add(new Object[] {CATALOG, r.namespace().name(), r.name(), null, "NONE", "NO",
            "NO", "NO", "NO", "NO"});
      }
    }
    return rows;
  }

  private static List<Object[]> columns(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      if (r.kind() == 'i') {
        continue;
      }
      for (CatalogModel.Attribute a : r.attributes()) {
        PgTypeInfo.Type type = PgTypeInfo.of(a.typeOid());
        String dataType = type == null ? "text" : type.category() == 'A' ? "ARRAY"
            : type.sqlName();
        Integer maxLength = a.typeOid() == PgTypeInfo.VARCHAR && a.typeModifier() >= 4
            ? a.typeModifier() - 4 : null;
        Integer octets = null;
        if (type != null && type.category() == 'S') {
          octets = maxLength != null ? maxLength * 4 : 1_073_741_824;
        }
        Integer precision = binaryPrecision(a.typeOid());
        Integer radix = precision != null ? Integer.valueOf(2) : null;
        boolean floating = a.typeOid() == PgTypeInfo.FLOAT8 || a.typeOid() == PgTypeInfo.FLOAT4;
        Integer scale = precision != null && !floating ? Integer.valueOf(0) : null;
        Integer datetime = null;
        if (type != null && type.category() == 'D') {
          datetime = a.typeOid() == PgTypeInfo.DATE ? 0 : 6;
        }
        rows.add(new Object[] {CATALOG, r.namespace().name(), r.name(), a.name(), a.number(),
            null, a.notNull() ? "NO" : "YES", dataType, maxLength, octets, precision, radix,
            scale, datetime, null, null, null, null, null, null, null, null, null, null, null,
            CATALOG, CatalogModel.PG_CATALOG, type == null ? "text" : type.name(), null, null,
            null, null, String.valueOf(a.number()), "NO", "NO", null, null, null, null, null,
            "NO", "NEVER", null,
            r.kind() == 'r' && r.namespace().oid() > CatalogModel.DATABASE_OID ? "YES" : "NO"});
      }
    }
    return rows;
  }

  /** information_schema's numeric_precision: bits for the binary types, else NULL. */
  private static Integer binaryPrecision(int oid) {
    switch (oid) {
    case PgTypeInfo.INT2:
      return 16;
    case PgTypeInfo.INT4:
      return 32;
    case PgTypeInfo.INT8:
      return 64;
    case PgTypeInfo.FLOAT4:
      return 24;
    case PgTypeInfo.FLOAT8:
      return 53;
    default:
      return null;
    }
  }

  private static List<Object[]> constraints(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      if (r.constraintOid() != 0) {
        rows.add(new Object[] {CATALOG, r.namespace().name(), r.indexName(), CATALOG,
            r.namespace().name(), r.name(), "PRIMARY KEY", "NO", "NO", "YES", null});
      }
    }
    return rows;
  }

  private static List<Object[]> keyColumns(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      if (r.constraintOid() == 0) {
        continue;
      }
      int position = 0;
      for (int k : r.key()) {
        position++;
        rows.add(new Object[] {CATALOG, r.namespace().name(), r.indexName(), CATALOG,
            r.namespace().name(), r.name(), r.attributes().get(k - 1).name(), position, null});
      }
    }
    return rows;
  }
}
