package io.linodejdbc.sql.prepare;

import io.linodejdbc.sql.LinodeQueryException;
import io.linodejdbc.sql.LinodeSchemas;
import io.linodejdbc.sql.SqlState;
import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.MethodDescriptor;
import io.linodejdbc.resource.ResourceDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.dialect.CalciteSqlDialect;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * StackQL's metadata statements as ordinary queries over VALUES built from the resource
 * descriptors, so that their answers are real result sets (with metadata, filters, ordering):
 * {@code SHOW SERVICES}, {@code SHOW RESOURCES}, {@code SHOW METHODS} and {@code DESCRIBE}.
 * Column names are StackQL's.
 */
final class MetadataQueries {
  private MetadataQueries() {}

  /** {@code SHOW SERVICES [IN linode] [LIKE p]}: id, name, title. */
  static String services(List<ResourceDescriptor> all, @Nullable String likePattern) {
    Map<String, List<String>> services = new LinkedHashMap<>();
    for (ResourceDescriptor r : all) {
      services.computeIfAbsent(r.service(), s -> new ArrayList<>()).add(r.name());
    }
    List<List<String>> rows = new ArrayList<>();
    services.forEach((service, resources) -> rows.add(List.of(
        LinodeSchemas.PROVIDER + "." + service, service,
        "Linode " + service + " (" + String.join(", ", resources) + ")")));
    return query(List.of("id", "name", "title"), rows, "name", likePattern);
  }

  /** {@code SHOW RESOURCES IN linode.<service> [LIKE p]}: name, id, description. */
  static String resources(List<ResourceDescriptor> all, String service,
      @Nullable String likePattern) {
    List<List<String>> rows = new ArrayList<>();
    for (ResourceDescriptor r : all) {
      if (r.service().equals(service)) {
        rows.add(List.of(r.name(), LinodeSchemas.PROVIDER + "." + r.service() + "." + r.name(),
            r.description()));
      }
    }
    if (rows.isEmpty()) {
      throw unknown("service '" + LinodeSchemas.PROVIDER + "." + service + "'");
    }
    return query(List.of("name", "id", "description"), rows, "name", likePattern);
  }

  /** {@code SHOW METHODS IN linode.<service>.<resource> [LIKE p]}: StackQL's Methods table. */
  static String methods(ResourceDescriptor resource, @Nullable String likePattern) {
    List<List<String>> rows = new ArrayList<>();
    for (MethodDescriptor m : resource.methods()) {
      rows.add(List.of(m.name(), m.requiredParams(), m.sqlVerb(), m.description()));
    }
    return query(List.of("MethodName", "RequiredParams", "SQLVerb", "description"), rows,
        "MethodName", likePattern);
  }

  /** {@code DESCRIBE [EXTENDED] linode.<service>.<resource>}: StackQL's Fields table. */
  static String describe(ResourceDescriptor resource, boolean extended) {
    List<String> names = new ArrayList<>(List.of("name", "type", "description"));
    if (extended) {
      names.addAll(List.of("nullable", "filterable", "writable"));
    }
    List<List<String>> rows = new ArrayList<>();
    for (ColumnDescriptor c : resource.columns()) {
      List<String> row = new ArrayList<>(List.of(c.name(), typeName(c), c.description()));
      if (extended) {
        row.add(String.valueOf(c.nullable()));
        row.add(String.valueOf(c.filterable()));
        row.add(c.writableOnUpdate() ? "create, update" : c.writableOnCreate() ? "create" : "no");
      }
      rows.add(row);
    }
    return query(names, rows, null, null);
  }

  /** The resource a {@code linode.<service>.<resource>} (or shorter) name denotes. */
  static ResourceDescriptor resource(List<ResourceDescriptor> all, List<String> names) {
    List<String> path = new ArrayList<>(names);
    if (!path.isEmpty() && path.get(0).equals(LinodeSchemas.PROVIDER)) {
      path.remove(0);
    }
    for (ResourceDescriptor r : all) {
      boolean match = path.size() == 2
          ? path.get(0).equals(r.service()) && path.get(1).equals(r.name())
          : path.size() == 1 && path.get(0).equals(r.name());
      if (match) {
        return r;
      }
    }
    throw unknown("resource '" + String.join(".", names) + "'");
  }

  /** The service a {@code linode.<service>} name denotes. */
  static String service(List<String> names) {
    List<String> path = new ArrayList<>(names);
    if (!path.isEmpty() && path.get(0).equals(LinodeSchemas.PROVIDER)) {
      path.remove(0);
    }
    if (path.size() != 1) {
      throw unknown("service '" + String.join(".", names) + "'; write e.g. linode.profile");
    }
    return path.get(0);
  }

  /** The type as StackQL's Fields table writes it (the API's JSON type). */
  private static String typeName(ColumnDescriptor c) {
    return switch (c.type()) {
      case INTEGER -> "integer";
      case TIMESTAMP -> "string (date-time)";
      case VARCHAR -> "string";
    };
  }

  private static LinodeQueryException unknown(String what) {
    return new LinodeQueryException(SqlState.UNDEFINED_TABLE.code(), "Unknown " + what, null);
  }

  private static String query(List<String> columns, List<List<String>> rows,
      @Nullable String likeColumn, @Nullable String likePattern) {
    StringBuilder b = new StringBuilder("SELECT * FROM (VALUES ");
    List<List<String>> body = rows.isEmpty()
        ? List.of(java.util.Collections.nCopies(columns.size(), "")) : rows;
    for (int r = 0; r < body.size(); r++) {
      b.append(r == 0 ? "(" : ", (");
      List<String> row = body.get(r);
      for (int c = 0; c < row.size(); c++) {
        b.append(c == 0 ? "" : ", ").append("CAST(")
            .append(CalciteSqlDialect.DEFAULT.quoteStringLiteral(row.get(c)))
            .append(" AS VARCHAR)");
      }
      b.append(')');
    }
    b.append(") AS t(");
    for (int c = 0; c < columns.size(); c++) {
      b.append(c == 0 ? "" : ", ").append('"').append(columns.get(c)).append('"');
    }
    b.append(')');
    List<String> where = new ArrayList<>();
    if (rows.isEmpty()) {
      where.add("FALSE");
    }
    if (likeColumn != null && likePattern != null) {
      where.add('"' + likeColumn + "\" LIKE "
          + CalciteSqlDialect.DEFAULT.quoteStringLiteral(likePattern));
    }
    if (!where.isEmpty()) {
      b.append(" WHERE ").append(String.join(" AND ", where));
    }
    return b.toString();
  }
}
