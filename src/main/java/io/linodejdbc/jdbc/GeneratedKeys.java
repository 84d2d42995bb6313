package io.linodejdbc.jdbc;

import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.sql.prepare.DialectSettings;
import io.linodejdbc.sql.LinodeSession;
import io.linodejdbc.sql.SqlState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * JDBC's generated keys ({@code RETURN_GENERATED_KEYS}, key column names or positions), which
 * Calcite and Avatica do not offer: the statement runs with a RETURNING clause, and the rows the
 * API answered with become the generated-keys result set. For a new token these rows hold its
 * full secret, which the API shows only this once.
 */
final class GeneratedKeys {
  private GeneratedKeys() {}

  /** The columns asked for by the second argument of an execute/prepare call, or null for none. */
  static @Nullable List<String> requested(@Nullable Object arg, @Nullable String sql,
      LinodeSession session)
      throws SQLException {
    if (arg instanceof Integer flag) {
      return flag == Statement.RETURN_GENERATED_KEYS ? List.of() : null;
    }
    if (arg instanceof String[] names) {
      return Arrays.asList(names);
    }
    if (arg instanceof int[] positions) {
      String table = sql == null ? null : DialectSettings.writeTarget(sql);
      ResourceDescriptor resource = table == null ? null : session.resource(table).orElse(null);
      if (resource == null) {
        return List.of(); // not a write on a resource: nothing is generated, whatever is asked
      }
      try {
        return DialectSettings.columnNames(resource, positions);
      } catch (IllegalArgumentException e) {
        throw new SQLException(e.getMessage(), SqlState.INVALID_DESCRIPTOR_INDEX.code());
      }
    }
    return null;
  }

  /** An empty result set, for {@code getGeneratedKeys()} when nothing was generated. */
  static ResultSet empty(@Nullable Statement statement) throws SQLException {
    return CachedResultSet.of(SimpleResultSetMetaData.of(new String[0], new Class<?>[0]),
        List.of(), statement);
  }
}
