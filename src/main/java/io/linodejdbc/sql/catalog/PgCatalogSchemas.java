package io.linodejdbc.sql.catalog;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;

/**
 * Mounts PostgreSQL's system catalogs in a Calcite root: schemas {@code pg_catalog} and
 * {@code information_schema}, and the catalog functions in {@code pg_catalog} and at the root (so
 * that {@code pg_catalog.format_type(…)} and {@code format_type(…)} both resolve). Only at the
 * root, not under the {@code linode} provider: JDBC's DatabaseMetaData keeps showing the Linode
 * schemas only. The {@code pg_catalog} tables are also at the root, so that unqualified names
 * reach them as PostgreSQL's implicit search path does.
 */
public final class PgCatalogSchemas {
  private PgCatalogSchemas() {}

  /** Call after every other schema is mounted: the catalogs describe what {@code root} holds. */
  public static void mount(SchemaPlus root) {
    CatalogModel.Holder model = new CatalogModel.Holder(root);
    CatalogModel.setCurrent(model);
    SchemaPlus pgCatalog = root.add(CatalogModel.PG_CATALOG, new AbstractSchema());
    for (CatalogTable t : PgCatalogTables.all(model)) {
      pgCatalog.add(t.name, t);
      // pg_catalog is on every PostgreSQL search path: unqualified pg_class must resolve. The
      // root is the other path Calcite searches besides the default schema.
      root.add(t.name, t);
    }
    SchemaPlus information = root.add(CatalogModel.INFORMATION_SCHEMA, new AbstractSchema());
    for (CatalogTable t : InformationSchemaTables.all(model)) {
      information.add(t.name, t);
    }
    for (Method m : PgFunctions.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
        pgCatalog.add(m.getName(), ArrayFunction.of(m));
        root.add(m.getName(), ArrayFunction.of(m));
      }
    }
    for (Method m : QualifiedFunctions.class.getDeclaredMethods()) {
      if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())) {
        pgCatalog.add(m.getName(), ScalarFunctionImpl.create(m));
      }
    }
  }
}
