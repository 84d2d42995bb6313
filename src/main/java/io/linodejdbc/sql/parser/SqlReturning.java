package io.linodejdbc.sql.parser;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A data-changing statement with a {@code RETURNING} clause (StackQL, PostgreSQL):
 * {@code <insert | update | delete | replace> RETURNING * | column [AS alias] [, ...]}.
 *
 * <p>Holds Calcite's own DML node ({@link org.apache.calcite.sql.SqlInsert},
 * {@link org.apache.calcite.sql.SqlUpdate}, {@link org.apache.calcite.sql.SqlDelete}, or a
 * {@link SqlReplace}) unchanged, and the returned columns: either a single star identifier
 * ({@link #isStar()}) or simple identifiers, each possibly wrapped in an {@code AS} call.
 * A statement without RETURNING is never wrapped.
 */
public class SqlReturning extends SqlCall {
  public static final SqlSpecialOperator OPERATOR =
      new SqlSpecialOperator("RETURNING", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier,
            SqlParserPos pos,
            @Nullable SqlNode... operands) {
          return new SqlReturning(
              pos,
              Objects.requireNonNull(operands[0], "dml"),
              (SqlNodeList) Objects.requireNonNull(operands[1], "returnList"));
        }
      };

  private SqlNode dml;
  private SqlNodeList returnList;

  /**
   * @param dml an INSERT, UPDATE (including {@link SqlReplace}) or DELETE node
   * @param returnList the returned columns; not empty
   */
  public SqlReturning(SqlParserPos pos, SqlNode dml, SqlNodeList returnList) {
    super(pos);
    this.dml = checkDml(dml);
    this.returnList = checkReturnList(returnList);
  }

  private static SqlNode checkDml(SqlNode dml) {
    Objects.requireNonNull(dml, "dml");
    switch (dml.getKind()) {
      case INSERT:
      case UPDATE:
      case DELETE:
        return dml;
      default:
        throw new IllegalArgumentException("RETURNING needs INSERT, UPDATE, DELETE or REPLACE: " + dml.getKind());
    }
  }

  private static SqlNodeList checkReturnList(SqlNodeList returnList) {
    Objects.requireNonNull(returnList, "returnList");
    if (returnList.isEmpty()) {
      throw new IllegalArgumentException("RETURNING needs at least one column");
    }
    return returnList;
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public SqlKind getKind() {
    return SqlKind.OTHER;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return ImmutableNullableList.of(dml, returnList);
  }

  @Override
  public void setOperand(int i, @Nullable SqlNode operand) {
    switch (i) {
      case 0:
        dml = checkDml(Objects.requireNonNull(operand, "dml"));
        break;
      case 1:
        returnList = checkReturnList((SqlNodeList) Objects.requireNonNull(operand, "returnList"));
        break;
      default:
        throw new AssertionError(i);
    }
  }

  /** The INSERT, UPDATE (or {@link SqlReplace}) or DELETE statement. */
  public SqlNode getDml() {
    return dml;
  }

  /** The returned columns: {@code *} alone, or identifiers and {@code AS} calls. */
  public SqlNodeList getReturnList() {
    return returnList;
  }

  /** Whether this is {@code RETURNING *}. */
  public boolean isStar() {
    return returnList.size() == 1
        && returnList.get(0) instanceof SqlIdentifier id
        && id.isStar();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SIMPLE);
    dml.unparse(writer, 0, 0);
    writer.keyword("RETURNING");
    final SqlWriter.Frame list = writer.startList(SqlWriter.FrameTypeEnum.SELECT_LIST);
    for (SqlNode item : returnList) {
      writer.sep(",");
      item.unparse(writer, 0, 0);
    }
    writer.endList(list);
    writer.endList(frame);
  }
}
