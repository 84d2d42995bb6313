package io.linodejdbc.sql.parser;

import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * StackQL's {@code DESCRIBE EXTENDED [TABLE] table}: a {@link SqlDescribeTable} (kind
 * {@link SqlKind#DESCRIBE_TABLE}, no column) whose class is the "extended" flag.
 */
public class SqlDescribeExtended extends SqlDescribeTable {
  public static final SqlSpecialOperator OPERATOR =
      new SqlSpecialOperator("DESCRIBE_TABLE_EXTENDED", SqlKind.DESCRIBE_TABLE) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier,
            SqlParserPos pos,
            @Nullable SqlNode... operands) {
          return new SqlDescribeExtended(
              pos, (SqlIdentifier) Objects.requireNonNull(operands[0], "table"));
        }
      };

  public SqlDescribeExtended(SqlParserPos pos, SqlIdentifier table) {
    super(pos, Objects.requireNonNull(table, "table"), null);
  }

  @Override
  public SqlOperator getOperator() {
    return OPERATOR;
  }

  /** Always true: this is DESCRIBE EXTENDED. */
  public boolean isExtended() {
    return true;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("DESCRIBE");
    writer.keyword("EXTENDED");
    writer.keyword("TABLE");
    getTable().unparse(writer, leftPrec, rightPrec);
  }
}
