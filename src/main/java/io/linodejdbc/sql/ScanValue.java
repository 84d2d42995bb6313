package io.linodejdbc.sql;

import java.util.Objects;
import org.apache.calcite.DataContext;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A value a pushed-down request needs: known when the plan is made (a literal) or only when the
 * statement runs (a {@code ?} parameter). Keeping parameters symbolic lets one plan serve every
 * execution of a {@link java.sql.PreparedStatement}.
 */
public sealed interface ScanValue {

  /** The value for this execution, in Calcite's internal representation; null for SQL NULL. */
  @Nullable Object resolve(DataContext context);

  /** How EXPLAIN shows it. */
  String describe();

  /** A value fixed in the SQL text. */
  record Literal(Object value) implements ScanValue {
    public Literal {
      Objects.requireNonNull(value, "value");
    }

    @Override public Object resolve(DataContext context) {
      return value;
    }

    @Override public String describe() {
      return String.valueOf(value);
    }
  }

  /** The {@code index}-th dynamic parameter, zero-based. */
  record Parameter(int index) implements ScanValue {
    @Override public @Nullable Object resolve(DataContext context) {
      return context.get("?" + index);
    }

    @Override public String describe() {
      return "?" + index;
    }
  }
}
