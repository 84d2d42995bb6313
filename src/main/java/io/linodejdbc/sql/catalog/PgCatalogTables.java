package io.linodejdbc.sql.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code pg_catalog} relations clients read (psql's {@code \d} family, pgJDBC's
 * DatabaseMetaData, SQLAlchemy's reflection), with PostgreSQL's column names. Relations that
 * describe features this server has not (rules, policies, publications, inheritance, sequences,
 * triggers, extensions…) exist and are empty, so that client queries joining them still run.
 */
final class PgCatalogTables {
  private PgCatalogTables() {}

  static List<CatalogTable> all(CatalogModel.Holder model) {
    List<CatalogTable> t = new ArrayList<>();
    t.add(table(model, "pg_namespace", PgCatalogTables::namespaces,
        "oid oid", "nspname text", "nspowner oid", "nspacl text[]"));
    t.add(table(model, "pg_class", PgCatalogTables::classes,
        "oid oid", "relname text", "relnamespace oid", "reltype oid", "reloftype oid",
        "relowner oid", "relam oid", "relfilenode oid", "reltablespace oid", "relpages int",
        "reltuples real", "relallvisible int", "reltoastrelid oid", "relhasindex bool",
        "relisshared bool", "relpersistence text", "relkind text", "relnatts int",
        "relchecks int", "relhasrules bool", "relhastriggers bool", "relhassubclass bool",
        "relrowsecurity bool", "relforcerowsecurity bool", "relispopulated bool",
        "relreplident text", "relispartition bool", "relrewrite oid", "relacl text[]",
        "reloptions text[]", "relpartbound text"));
    t.add(table(model, "pg_attribute", PgCatalogTables::attributes,
        "attrelid oid", "attname text", "atttypid oid", "attstattarget int", "attlen int",
        "attnum int", "attndims int", "attcacheoff int", "atttypmod int", "attbyval bool",
        "attalign text", "attstorage text", "attcompression text", "attnotnull bool",
        "atthasdef bool", "atthasmissing bool", "attidentity text", "attgenerated text",
        "attisdropped bool", "attislocal bool", "attinhcount int", "attcollation oid",
        "attacl text[]", "attoptions text[]", "attfdwoptions text"));
    t.add(table(model, "pg_type", m -> PgTypeInfo.rows(), PgTypeInfo.COLUMNS));
    t.add(table(model, "pg_index", PgCatalogTables::indexes,
        "indexrelid oid", "indrelid oid", "indnatts int", "indnkeyatts int",
        "indisunique bool", "indnullsnotdistinct bool", "indisprimary bool",
        "indisexclusion bool", "indimmediate bool", "indisclustered bool", "indisvalid bool",
        "indcheckxmin bool", "indisready bool", "indislive bool", "indisreplident bool",
        "indkey int[]", "indcollation text", "indclass text", "indoption int[]",
        "indexprs text", "indpred text"));
    t.add(table(model, "pg_constraint", PgCatalogTables::constraints,
        "oid oid", "conname text", "connamespace oid", "contype text", "condeferrable bool",
        "condeferred bool", "convalidated bool", "conrelid oid", "contypid oid",
        "conindid oid", "conparentid oid", "confrelid oid", "confupdtype text",
        "confdeltype text", "confmatchtype text", "conislocal bool", "coninhcount int",
        "connoinherit bool", "conkey int[]", "confkey int[]", "conbin text"));
    t.add(table(model, "pg_description", PgCatalogTables::descriptions,
        "objoid oid", "classoid oid", "objsubid int", "description text"));
    t.add(table(model, "pg_database", m -> List.<Object[]>of(new Object[] {
        CatalogModel.DATABASE_OID, "linode", CatalogModel.OWNER_OID, 6, "c", false, true, -1,
        0, 1, 1663, "C", "C", null, null, null}),
        "oid oid", "datname text", "datdba oid", "encoding int", "datlocprovider text",
        "datistemplate bool", "datallowconn bool", "datconnlimit int", "datfrozenxid int",
        "datminmxid int", "dattablespace oid", "datcollate text", "datctype text",
        "daticulocale text", "datcollversion text", "datacl text[]"));
    String[] role = {"oid oid", "rolname text", "rolsuper bool", "rolinherit bool",
        "rolcreaterole bool", "rolcreatedb bool", "rolcanlogin bool", "rolreplication bool",
        "rolconnlimit int", "rolpassword text", "rolvaliduntil text", "rolbypassrls bool",
        "rolconfig text[]"};
    Function<CatalogModel, List<Object[]>> roles = m -> List.<Object[]>of(new Object[] {
        CatalogModel.OWNER_OID, CatalogModel.OWNER, false, true, false, false, true, false, -1,
        "********", null, false, null});
    t.add(table(model, "pg_roles", roles, role));
    t.add(table(model, "pg_authid", roles, role));
    t.add(table(model, "pg_user", m -> List.<Object[]>of(new Object[] {CatalogModel.OWNER,
        CatalogModel.OWNER_OID, false, false, false, false, "********", null, null}),
        "usename text", "usesysid oid", "usecreatedb bool", "usesuper bool", "userepl bool",
        "usebypassrls bool", "passwd text", "valuntil text", "useconfig text"));
    t.add(table(model, "pg_am", m -> List.<Object[]>of(
        new Object[] {2, "heap", "heap_tableam_handler", "t"},
        new Object[] {403, "btree", "bthandler", "i"}),
        "oid oid", "amname text", "amhandler text", "amtype text"));
    t.add(table(model, "pg_tablespace", m -> List.<Object[]>of(
        new Object[] {1663, "pg_default", CatalogModel.OWNER_OID, null, null}),
        "oid oid", "spcname text", "spcowner oid", "spcacl text[]", "spcoptions text"));
    t.add(table(model, "pg_collation", m -> List.<Object[]>of(
        new Object[] {100, "default", CatalogModel.PG_CATALOG_OID, CatalogModel.OWNER_OID, "d",
            true, -1, null, null, null, null}),
        "oid oid", "collname text", "collnamespace oid", "collowner oid", "collprovider text",
        "collisdeterministic bool", "collencoding int", "collcollate text", "collctype text",
        "colliculocale text", "collversion text"));
    t.add(table(model, "pg_tables", PgCatalogTables::tables,
        "schemaname text", "tablename text", "tableowner text", "tablespace text",
        "hasindexes bool", "hasrules bool", "hastriggers bool", "rowsecurity bool"));
    t.add(table(model, "pg_views", PgCatalogTables::views,
        "schemaname text", "viewname text", "viewowner text", "definition text"));
    t.add(table(model, "pg_settings", PgCatalogTables::settings,
        "name text", "setting text", "unit text", "category text", "short_desc text",
        "extra_desc text", "context text", "vartype text", "source text", "min_val text",
        "max_val text", "enumvals text", "boot_val text", "reset_val text",
        "sourcefile text", "sourceline int", "pending_restart bool"));
    // Present and empty: nothing of the kind exists here.
    t.add(empty(model, "pg_attrdef", "oid oid", "adrelid oid", "adnum int", "adbin text"));
    t.add(empty(model, "pg_inherits", "inhrelid oid", "inhparent oid", "inhseqno int",
        "inhdetachpending bool"));
    t.add(empty(model, "pg_policy", "oid oid", "polname text", "polrelid oid", "polcmd text",
        "polpermissive bool", "polroles int[]", "polqual text", "polwithcheck text"));
    t.add(empty(model, "pg_statistic_ext", "oid oid", "stxrelid oid", "stxname text",
        "stxnamespace oid", "stxowner oid", "stxstattarget int", "stxkeys int[]",
        "stxkind text[]", "stxexprs text"));
    t.add(empty(model, "pg_publication", "oid oid", "pubname text", "pubowner oid",
        "puballtables bool", "pubinsert bool", "pubupdate bool", "pubdelete bool",
        "pubtruncate bool", "pubviaroot bool"));
    t.add(empty(model, "pg_publication_rel", "oid oid", "prpubid oid", "prrelid oid",
        "prqual text", "prattrs int[]"));
    t.add(empty(model, "pg_publication_namespace", "oid oid", "pnpubid oid", "pnnspid oid"));
    t.add(empty(model, "pg_trigger", "oid oid", "tgrelid oid", "tgparentid oid", "tgname text",
        "tgfoid oid", "tgtype int", "tgenabled text", "tgisinternal bool"));
    t.add(empty(model, "pg_rewrite", "oid oid", "rulename text", "ev_class oid",
        "ev_type text", "ev_enabled text", "is_instead bool"));
    t.add(empty(model, "pg_sequence", "seqrelid oid", "seqtypid oid", "seqstart bigint",
        "seqincrement bigint", "seqmax bigint", "seqmin bigint", "seqcache bigint",
        "seqcycle bool"));
    t.add(empty(model, "pg_enum", "oid oid", "enumtypid oid", "enumsortorder real",
        "enumlabel text"));
    t.add(empty(model, "pg_extension", "oid oid", "extname text", "extowner oid",
        "extnamespace oid", "extrelocatable bool", "extversion text"));
    t.add(empty(model, "pg_proc", "oid oid", "proname text", "pronamespace oid",
        "proowner oid", "prolang oid", "prokind text", "prorettype oid", "proargtypes text",
        "prosrc text"));
    t.add(empty(model, "pg_foreign_table", "ftrelid oid", "ftserver oid", "ftoptions text"));
    t.add(empty(model, "pg_matviews", "schemaname text", "matviewname text",
        "matviewowner text", "tablespace text", "hasindexes bool", "ispopulated bool",
        "definition text"));
    t.add(empty(model, "pg_depend", "classid oid", "objid oid", "objsubid int",
        "refclassid oid", "refobjid oid", "refobjsubid int", "deptype text"));
    // statistics: nothing is counted ahead (Metabase reads n_live_tup as an estimate, NULL here)
    t.add(empty(model, "pg_stat_user_tables", "relid oid", "schemaname text", "relname text",
        "seq_scan bigint", "seq_tup_read bigint", "idx_scan bigint", "idx_tup_fetch bigint",
        "n_tup_ins bigint", "n_tup_upd bigint", "n_tup_del bigint", "n_live_tup bigint",
        "n_dead_tup bigint"));
    t.add(empty(model, "pg_shdescription", "objoid oid", "classoid oid", "description text"));
    return t;
  }

  private static CatalogTable table(CatalogModel.Holder model, String name,
      Function<CatalogModel, List<Object[]>> rows, String... columns) {
    return new CatalogTable(name, CatalogTable.columns(columns), rows, model);
  }

  private static CatalogTable empty(CatalogModel.Holder model, String name, String... columns) {
    return new CatalogTable(name, CatalogTable.columns(columns), m -> List.of(), model);
  }

  private static List<Object[]> namespaces(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Namespace n : m.namespaces) {
      rows.add(new Object[] {n.oid(), n.name(), CatalogModel.OWNER_OID, null});
    }
    return rows;
  }

  private static List<Object[]> classes(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      boolean index = r.kind() == 'i';
      rows.add(new Object[] {r.oid(), r.name(), r.namespace().oid(), 0, 0,
          CatalogModel.OWNER_OID, index ? 403 : r.kind() == 'r' ? 2 : 0, r.oid(), 0, 0,
          -1.0f, 0, 0, r.indexOid() != 0, false, "p", String.valueOf(r.kind()),
          r.attributes().size(), 0, false, false, false, false, false, true, "d", false, 0,
          null, null, null});
    }
    return rows;
  }

  private static List<Object[]> attributes(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      for (CatalogModel.Attribute a : r.attributes()) {
        PgTypeInfo.Type type = PgTypeInfo.of(a.typeOid());
        int length = type == null ? -1 : type.length();
        boolean text = type != null && type.category() == 'S';
        rows.add(new Object[] {r.oid(), a.name(), a.typeOid(), -1, length, a.number(), 0, -1,
            a.typeModifier(), length > 0 && length <= 8, length > 0 ? "i" : "x",
            length > 0 ? "p" : "x", "", a.notNull(), false, false, "", "", false, true, 0,
            text ? 100 : 0, null, null, null});
      }
    }
    return rows;
  }

  private static List<Object[]> indexes(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      if (r.kind() == 'i' && r.indexOf() != null) {
        rows.add(new Object[] {r.oid(), r.indexOf().oid(), r.key().size(), r.key().size(),
            true, false, true, false, true, false, true, false, true, true, false,
            // indoption: one 0 (ascending, nulls last) per key column, the only kind there is
            List.copyOf(r.key()), "0", "1978",
            java.util.Collections.nCopies(r.key().size(), 0), null, null});
      }
    }
    return rows;
  }

  private static List<Object[]> constraints(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      if (r.constraintOid() != 0) {
        rows.add(new Object[] {r.constraintOid(), r.indexName(), r.namespace().oid(), "p",
            false, false, true, r.oid(), 0, r.indexOid(), 0, 0, " ", " ", " ", true, 0, true,
            List.copyOf(r.key()), null, null});
      }
    }
    return rows;
  }

  static final int PG_CLASS_OID = 1259;

  private static List<Object[]> descriptions(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      if (r.description() != null) {
        rows.add(new Object[] {r.oid(), PG_CLASS_OID, 0, r.description()});
      }
      for (CatalogModel.Attribute a : r.attributes()) {
        if (a.description() != null) {
          rows.add(new Object[] {r.oid(), PG_CLASS_OID, a.number(), a.description()});
        }
      }
    }
    return rows;
  }

  private static List<Object[]> tables(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      if (r.kind() == 'r') {
        rows.add(new Object[] {r.namespace().name(), r.name(), CatalogModel.OWNER, null,
            r.indexOid() != 0, false, false, false});
      }
    }
    return rows;
  }

  private static List<Object[]> views(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (CatalogModel.Relation r : m.relations) {
      if (r.kind() == 'v') {
        rows.add(new Object[] {r.namespace().name(), r.name(), CatalogModel.OWNER, null});
      }
    }
    return rows;
  }

  private static List<Object[]> settings(CatalogModel m) {
    List<Object[]> rows = new ArrayList<>();
    for (java.util.Map.Entry<String, String> e : PgFunctions.SETTINGS.entrySet()) {
      rows.add(new Object[] {e.getKey(), e.getValue(), null, "Preset Options", null, null,
          "internal", "string", "default", null, null, null, e.getValue(), e.getValue(), null,
          null, false});
    }
    return rows;
  }
}
