package io.linodejdbc.sql.prepare;

import io.linodejdbc.sql.SqlState;
import io.linodejdbc.sql.parser.PgSyntaxException;
import java.util.Locale;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
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
      if (arrayFromLiteral(binding, 1, left) || arrayFromLiteral(binding, 0, right)) {
        return true;
      }
    }
    return super.binaryComparisonCoercion(binding);
  }

  /**
   * {@code 'd' = ANY(text_array)}: a string compared with the elements of a string array. Calcite
   * wants the same type name on both sides (CHAR against VARCHAR fails) and sees no cast needed
   * between the two; the left side is cast to the element type, as PostgreSQL resolves it.
   */
  @Override public boolean quantifyOperationCoercion(SqlCallBinding binding) {
    if (super.quantifyOperationCoercion(binding)) {
      return true;
    }
    RelDataType left = binding.getOperandType(0);
    RelDataType element = binding.getOperandType(1).getComponentType();
    if (element != null && isText(left) && isText(element)
        && left.getSqlTypeName() != element.getSqlTypeName()) {
      SqlNode operand = binding.operand(0);
      SqlNode cast = SqlStdOperatorTable.CAST.createCall(operand.getParserPosition(), operand,
          org.apache.calcite.sql.type.SqlTypeUtil.convertTypeToSpec(element));
      binding.getCall().setOperand(0, cast);
      validator.deriveType(binding.getScope(), cast);
      return true;
    }
    return false;
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

  /**
   * An untyped string compared with an array is an array constant, as in PostgreSQL
   * ({@code polroles = '{0}'}): {@code '{1,2}'} becomes {@code ARRAY[1, 2]} of the other side's
   * element type.
   */
  private boolean arrayFromLiteral(SqlCallBinding binding, int index, RelDataType other) {
    SqlNode operand = binding.operand(index);
    RelDataType element = other.getComponentType();
    if (other.getSqlTypeName() != SqlTypeName.ARRAY || element == null
        || !(operand instanceof SqlLiteral literal)
        || literal.getTypeName().getFamily() != SqlTypeFamily.CHARACTER) {
      return false;
    }
    String text = literal.getValueAs(String.class).strip();
    if (!text.startsWith("{") || !text.endsWith("}")) {
      throw new PgSyntaxException(SqlState.INVALID_TEXT_REPRESENTATION.code(),
          "malformed array literal: \"" + text + "\"", operand.getParserPosition());
    }
    String body = text.substring(1, text.length() - 1).strip();
    java.util.List<SqlNode> items = new java.util.ArrayList<>();
    SqlParserPos pos = operand.getParserPosition();
    for (String item : body.isEmpty() ? new String[0] : body.split(",", -1)) {
      String v = item.strip();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      if (v.equalsIgnoreCase("NULL")) {
        items.add(SqlLiteral.createNull(pos));
      } else if (isNumber(element)) {
        try {
          items.add(SqlLiteral.createExactNumeric(new java.math.BigDecimal(v).toPlainString(), pos));
        } catch (NumberFormatException e) {
          throw new PgSyntaxException(SqlState.INVALID_TEXT_REPRESENTATION.code(),
              "invalid input syntax for type " + pgType(element) + ": \"" + v + "\"", pos);
        }
      } else {
        items.add(SqlLiteral.createCharString(v, pos));
      }
    }
    if (items.isEmpty()) {
      return false; // '{}': Calcite has no typed empty array constructor here
    }
    SqlNode array = SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(pos, items);
    binding.getCall().setOperand(index, array);
    validator.deriveType(binding.getScope(), array);
    return true;
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
