package io.linodejdbc.sql.prepare;

import io.linodejdbc.resource.ColumnDescriptor;
import io.linodejdbc.resource.ResourceDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * StackQL's spellings, mapped onto the real columns on the parsed tree: each column's
 * {@link ColumnDescriptor#aliases()} (request-body columns carry a {@code data__} prefix, the key
 * is also its path parameter's name).
 *
 * <p>The mapping applies to column references (the last part of an identifier) only, and only
 * when the name is not a real column: a table with a column really called {@code tokenid} would
 * keep it.
 */
final class StackqlNames extends SqlShuttle {
  private final Map<String, String> aliases = new HashMap<>();
  private boolean changed;

  private StackqlNames(List<ResourceDescriptor> resources) {
    for (ResourceDescriptor resource : resources) {
      for (ColumnDescriptor column : resource.columns()) {
        for (String alias : column.aliases()) {
          aliases.put(alias.toLowerCase(Locale.ROOT), column.name());
        }
      }
    }
  }

  /** The tree with StackQL's names replaced; the same instance when there were none. */
  static SqlNode rewrite(SqlNode node, List<ResourceDescriptor> resources) {
    StackqlNames shuttle = new StackqlNames(resources);
    SqlNode result = node.accept(shuttle);
    return shuttle.changed && result != null ? result : node;
  }

  @Override public @Nullable SqlNode visit(SqlIdentifier id) {
    if (id.isStar()) {
      return id;
    }
    String last = id.names.get(id.names.size() - 1);
    String replacement = aliases.get(last.toLowerCase(Locale.ROOT));
    if (replacement == null) {
      return id;
    }
    changed = true;
    List<String> names = new ArrayList<>(id.names);
    names.set(names.size() - 1, replacement);
    return id.setName(names.size() - 1, replacement);
  }
}
