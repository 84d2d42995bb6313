package io.linodejdbc.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.util.SqlShuttle;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * StackQL's spellings, mapped onto the real columns on the parsed tree: request-body columns carry
 * a {@code data__} prefix ({@code data__label}), and the path parameter is {@code tokenId}.
 *
 * <p>The mapping applies to column references (the last part of an identifier) only, and only
 * when the name is not a real column: a table with a column really called {@code tokenid} would
 * keep it.
 */
final class StackqlNames extends SqlShuttle {
  private static final Map<String, String> ALIASES = Map.of(
      "data__label", "label",
      "data__expiry", "expiry",
      "data__scopes", "scopes",
      "tokenid", "id");

  private boolean changed;

  /** The tree with StackQL's names replaced; the same instance when there were none. */
  static SqlNode rewrite(SqlNode node) {
    StackqlNames shuttle = new StackqlNames();
    SqlNode result = node.accept(shuttle);
    return shuttle.changed && result != null ? result : node;
  }

  @Override public @Nullable SqlNode visit(SqlIdentifier id) {
    if (id.isStar()) {
      return id;
    }
    String last = id.names.get(id.names.size() - 1);
    String replacement = ALIASES.get(last.toLowerCase(Locale.ROOT));
    if (replacement == null) {
      return id;
    }
    changed = true;
    List<String> names = new ArrayList<>(id.names);
    names.set(names.size() - 1, replacement);
    return id.setName(names.size() - 1, replacement);
  }
}
