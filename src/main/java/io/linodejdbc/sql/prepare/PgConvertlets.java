package io.linodejdbc.sql.prepare;

import io.linodejdbc.sql.PgFunctions;
import io.linodejdbc.sql.Timestamps;
import java.time.LocalDateTime;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql2rel.SqlRexConvertlet;
import org.apache.calcite.sql2rel.SqlRexConvertletTable;
import org.apache.calcite.sql2rel.StandardConvertletTable;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimestampString;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's convertlets, except that a string constant cast to TIMESTAMP or DATE (written, or
 * put there by the validator in {@code created >= '2024-01-01T00:00:00'}) is read in every ISO
 * form PostgreSQL reads: a date alone, a space or {@code T} between date and time, minutes with
 * or without seconds, a fraction, and {@code Z} or an offset (converted to UTC, the time of every
 * value here). Calcite's own reading knows only {@code 'yyyy-MM-dd HH:mm:ss'} and fails inside
 * generated code on the API's own format; a value that is no date is refused as PostgreSQL
 * refuses it, with SQLSTATE 22007.
 */
final class PgConvertlets implements SqlRexConvertletTable {
  static final PgConvertlets INSTANCE = new PgConvertlets();


  private PgConvertlets() {}

  @Override public @Nullable SqlRexConvertlet get(SqlCall call) {
    if (call.getOperator() == org.apache.calcite.sql.fun.SqlStdOperatorTable.CURRENT_CATALOG) {
      // PostgreSQL's current_catalog is the database (pgJDBC's getCatalog); Calcite's is empty.
      return (cx, c) -> cx.getRexBuilder().makeAbstractCast(
          cx.getValidator().getValidatedNodeType(c),
          cx.getRexBuilder().makeLiteral(PgFunctions.current_database()), false);
    }
    if (call.getKind() == SqlKind.CAST && call.operandCount() == 2
        && call.operand(0) instanceof SqlLiteral literal
        && literal.getTypeName().getFamily() == SqlTypeFamily.CHARACTER
        && call.operand(1) instanceof SqlDataTypeSpec spec) {
      SqlTypeName target = SqlTypeName.get(spec.getTypeName().getSimple());
      if (target == SqlTypeName.BOOLEAN) {
        // PostgreSQL's spellings ('t', 'f', 'yes', 'off', '1'...: SQLAlchemy's indisprimary = 'f');
        // Calcite's reading knows only TRUE/FALSE and fails inside generated code
        Boolean value = pgBoolean(literal.getValueAs(String.class));
        return (cx, c) -> cx.getRexBuilder().makeCast(cx.getValidator().getValidatedNodeType(c),
            cx.getRexBuilder().makeLiteral(value));
      }
      if (target == SqlTypeName.TIMESTAMP || target == SqlTypeName.DATE) {
        String text = literal.getValueAs(String.class);
        return (cx, c) -> {
          RexBuilder rex = cx.getRexBuilder();
          RelDataType type = cx.getValidator().getValidatedNodeType(c);
          LocalDateTime v = Timestamps.parseIso(text, target);
          RexNode value = target == SqlTypeName.DATE
              ? rex.makeDateLiteral(DateString.fromDaysSinceEpoch(
                  (int) v.toLocalDate().toEpochDay()))
              : rex.makeTimestampLiteral(TimestampString.fromMillisSinceEpoch(
                      Timestamps.toMillis(v)).withNanos(v.getNano()),
                  Math.max(0, type.getPrecision()));
          return rex.makeCast(type, value);
        };
      }
    }
    return StandardConvertletTable.INSTANCE.get(call);
  }

  /** A boolean as PostgreSQL reads its text: a prefix of true/false/yes/no, on/off, 1/0. */
  static boolean pgBoolean(String text) {
    String t = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (!t.isEmpty() && ("true".startsWith(t) || "yes".startsWith(t) || t.equals("on")
        || t.equals("1"))) {
      return true;
    }
    if (!t.isEmpty() && ("false".startsWith(t) || "no".startsWith(t) || t.length() >= 2
        && "off".startsWith(t) || t.equals("0"))) {
      return false;
    }
    throw new io.linodejdbc.sql.LinodeQueryException(
        io.linodejdbc.sql.SqlState.INVALID_TEXT_REPRESENTATION.code(),
        "invalid input syntax for type boolean: \"" + text + "\"", null);
  }

}
