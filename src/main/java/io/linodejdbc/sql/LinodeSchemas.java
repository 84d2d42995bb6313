package io.linodejdbc.sql;

import io.linodejdbc.resource.ResourceDescriptor;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.schema.SchemaPlus;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.apache.calcite.schema.impl.AbstractSchema;

/**
 * Mounts the Linode tables in a Calcite root schema: {@code linode.<service>.<resource>}, as
 * StackQL names them.
 */
public final class LinodeSchemas {
  /** The top-level schema, StackQL's provider name. */
  public static final String PROVIDER = "linode";

  private LinodeSchemas() {}

  /**
   * Adds {@code linode} with one sub-schema per service. Each service schema is also mounted at
   * the top level, so that a default schema (Calcite supports only one level) can make
   * {@code personal_access_tokens} resolve unqualified.
   */
  public static void mount(SchemaPlus root, LinodeSession session) {
    SchemaPlus provider = root.add(PROVIDER, new AbstractSchema());
    for (ResourceDescriptor resource : session.resources()) {
      addTables(schema(provider, resource.service()), resource, session);
      addTables(schema(root, resource.service()), resource, session);
    }
    // pg_catalog and information_schema, for PostgreSQL clients (through the server) and tools.
    io.linodejdbc.sql.catalog.PgCatalogSchemas.mount(root);
  }

  /** The session whose tables are mounted under {@code root}, or null. */
  public static @Nullable LinodeSession session(CalciteSchema root) {
    CalciteSchema provider = root.getSubSchema(PROVIDER, true);
    if (provider == null) {
      return null;
    }
    for (CalciteSchema service : provider.getSubSchemaMap().values()) {
      for (String name : service.getTableNames()) {
        CalciteSchema.TableEntry entry = service.getTable(name, true);
        if (entry != null && entry.getTable() instanceof LinodeTable table) {
          return table.session();
        }
      }
    }
    return null;
  }

  private static SchemaPlus schema(SchemaPlus parent, String name) {
    SchemaPlus existing = parent.subSchemas().get(name);
    return existing != null ? existing : parent.add(name, new AbstractSchema());
  }

  private static void addTables(SchemaPlus schema, ResourceDescriptor resource,
      LinodeSession session) {
    schema.add(resource.name(), new LinodeTable(resource, session));
    schema.add(resource.name() + LinodePagesTable.SUFFIX, new LinodePagesTable(resource, session));
  }
}
