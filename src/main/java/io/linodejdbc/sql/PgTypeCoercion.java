package io.linodejdbc.sql;

import io.linodejdbc.sql.parser.PgSyntaxException;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit casts, except where PostgreSQL has none: a text value compared with a
 * number ({@code WHERE scopes = 5}) is refused as PostgreSQL refuses it (42883, "operator does
 * not exist: character varying = integer"), where Calcite would cast every text to a number at
 * run time and fail on the first that is none. A string constant still takes the other side's
 * type ({@code id = '5'}), as PostgreSQL's untyped literals do.
 */
final class PgTypeCoercion extends TypeCoercionImpl {
  PgTypeCoercion(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override public boolean binaryComparisonCoercion(SqlCallBinding binding) {
    if (binding.getOperandCount() == 2 && binding.getOperator().getKind() != SqlKind.IN) {
      RelDataType left = binding.getOperandType(0);
      RelDataType right = binding.getOperandType(1);
      checkComparable(binding, binding.operand(0), left, binding.operand(1), right);
    }
    return super.binaryComparisonCoercion(binding);
  }

  private static void checkComparable(SqlCallBinding binding, SqlNode a, RelDataType at,
      SqlNode b, RelDataType bt) {
    boolean textVsNumber = isText(at) && !isLiteral(a) && isNumber(bt)
        || isText(bt) && !isLiteral(b) && isNumber(at);
    if (textVsNumber) {
      throw new PgSyntaxException(SqlState.UNDEFINED_FUNCTION.code(), "operator does not exist: " + pgType(at) + " "
          + binding.getOperator().getName() + " " + pgType(bt)
          + " (compare with a quoted value, or cast one side, e.g. CAST(x AS INTEGER))",
          binding.getCall().getParserPosition());
    }
  }

  private static boolean isLiteral(SqlNode n) {
    return n instanceof SqlLiteral;
  }

  private static boolean isText(RelDataType t) {
    return t.getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER;
  }

  private static boolean isNumber(RelDataType t) {
    return SqlTypeName.NUMERIC_TYPES.contains(t.getSqlTypeName());
  }

  /** PostgreSQL's name of a type, as its messages say it. */
  static String pgType(RelDataType t) {
    return switch (t.getSqlTypeName()) {
      case VARCHAR -> "character varying";
      case CHAR -> "character";
      case INTEGER -> "integer";
      case BIGINT -> "bigint";
      case SMALLINT, TINYINT -> "smallint";
      case DECIMAL -> "numeric";
      case DOUBLE, FLOAT -> "double precision";
      case REAL -> "real";
      case BOOLEAN -> "boolean";
      case TIMESTAMP -> "timestamp without time zone";
      case DATE -> "date";
      default -> t.getSqlTypeName().getName().toLowerCase(Locale.ROOT);
    };
  }
}
