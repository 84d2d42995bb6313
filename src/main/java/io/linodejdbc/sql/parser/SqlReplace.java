package io.linodejdbc.sql.parser;

import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * StackQL's {@code REPLACE table SET column = expression [, ...] [WHERE condition]}.
 *
 * <p>It is an UPDATE in every respect ({@link SqlKind#UPDATE}, same operands and getters, validated
 * as an UPDATE) except its spelling: {@link #unparse} writes {@code REPLACE … SET …}, and copies
 * made through its operator (e.g. by a {@link org.apache.calcite.sql.util.SqlShuttle}) stay
 * {@code SqlReplace}. The parser never gives it an alias.
 */
public class SqlReplace extends SqlUpdate {
  public static final SqlSpecialOperator OPERATOR =
      new SqlSpecialOperator("REPLACE", SqlKind.UPDATE) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier,
            SqlParserPos pos,
            @Nullable SqlNode... operands) {
          final SqlReplace replace =
              new SqlReplace(
                  pos,
                  Objects.requireNonNull(operands[0], "targetTable"),
                  (SqlNodeList) Objects.requireNonNull(operands[1], "targetColumnList"),
                  (SqlNodeList) Objects.requireNonNull(operands[2], "sourceExpressionList"),
                  operands[3]);
          if (operands.length > 4 && operands[4] != null) {
            replace.setSourceSelect((SqlSelect) operands[4]);
          }
          if (operands.length > 5 && operands[5] != null) {
            replace.setAlias((SqlIdentifier) operands[5]);
          }
          return replace;
        }
      };

  /**
   * @param targetTable the table (usually a compound identifier)
   * @param targetColumnList the SET columns
   * @param sourceExpressionList the SET values, one per column
   * @param condition the WHERE condition, or null
   */
  public SqlReplace(
      SqlParserPos pos,
      SqlNode targetTable,
      SqlNodeList targetColumnList,
      SqlNodeList sourceExpressionList,
      @Nullable SqlNode condition) {
    super(pos, targetTable, targetColumnList, sourceExpressionList, condition, null, null);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    final SqlWriter.Frame frame = writer.startList(SqlWriter.FrameTypeEnum.SELECT, "REPLACE", "");
    final int opLeft = getOperator().getLeftPrec();
    final int opRight = getOperator().getRightPrec();
    getTargetTable().unparse(writer, opLeft, opRight);
    final SqlIdentifier alias = getAlias();
    if (alias != null) {
      // Not produced by the parser (REPLACE has no alias); kept so nothing is lost.
      writer.keyword("AS");
      alias.unparse(writer, opLeft, opRight);
    }
    final SqlWriter.Frame setFrame =
        writer.startList(SqlWriter.FrameTypeEnum.UPDATE_SET_LIST, "SET", "");
    final SqlNodeList columns = getTargetColumnList();
    final SqlNodeList values = getSourceExpressionList();
    for (int i = 0; i < columns.size(); i++) {
      writer.sep(",");
      columns.get(i).unparse(writer, opLeft, opRight);
      writer.keyword("=");
      values.get(i).unparse(writer, opLeft, opRight);
    }
    writer.endList(setFrame);
    final SqlNode condition = getCondition();
    if (condition != null) {
      writer.sep("WHERE");
      condition.unparse(writer, opLeft, opRight);
    }
    writer.endList(frame);
  }
}
