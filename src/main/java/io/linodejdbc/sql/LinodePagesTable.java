package io.linodejdbc.sql;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linodejdbc.api.ListRequest;
import io.linodejdbc.api.RowCursor;
import io.linodejdbc.resource.ResourceDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A collection's list call as its page envelopes, the shape StackQL's documentation shows for the
 * list method ({@code SELECT data, page, pages, results FROM …}): one row per page, {@code data}
 * as the JSON text of that page's objects. Mounted as {@code <resource>_pages}; the envelope
 * columns on the resource's own name are mapped here by the prepare hook (sql.prepare.LinodePrepare).
 *
 * <p>All pages are read before the first row (an envelope states totals that must agree).
 */
public final class LinodePagesTable extends AbstractTable implements ScannableTable {
  /** The envelope's column names. */
  public static final List<String> COLUMNS = List.of("data", "page", "pages", "results");
  /** Suffix of the table's name. */
  public static final String SUFFIX = "_pages";

  private final ResourceDescriptor resource;
  private final LinodeSession session;

  LinodePagesTable(ResourceDescriptor resource, LinodeSession session) {
    this.resource = resource;
    this.session = session;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return typeFactory.builder()
        .add("data", SqlTypeName.VARCHAR).nullable(false)
        .add("page", SqlTypeName.INTEGER).nullable(false)
        .add("pages", SqlTypeName.INTEGER).nullable(false)
        .add("results", SqlTypeName.INTEGER).nullable(false)
        .build();
  }

  @Override public Enumerable<Object[]> scan(DataContext root) {
    int pageSize = session.client().config().pageSize();
    List<ObjectNode> objects = new ArrayList<>();
    try (RowCursor cursor = session.client().list(
        ListRequest.builder(resource.collectionPath()).build())) {
      cursor.forEachRemaining(objects::add);
    }
    int pages = Math.max(1, (objects.size() + pageSize - 1) / pageSize);
    List<Object[]> rows = new ArrayList<>();
    for (int p = 0; p < pages; p++) {
      ArrayNode data = JsonNodeFactory.instance.arrayNode();
      objects.subList(p * pageSize, Math.min(objects.size(), (p + 1) * pageSize))
          .forEach(data::add);
      rows.add(new Object[] {data.toString(), p + 1, pages, objects.size()});
    }
    return Linq4j.asEnumerable(rows);
  }
}
