package io.linodejdbc.sql.parser;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.util.ImmutableNullableList;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * StackQL's metadata statements: {@code SHOW SERVICES [IN provider] [LIKE 'pattern']},
 * {@code SHOW RESOURCES IN provider.service [LIKE 'pattern']} and
 * {@code SHOW METHODS IN provider.service.resource [LIKE 'pattern']}.
 *
 * <p>Operands: the kind as a symbol literal, the target (nullable) and the LIKE pattern
 * (nullable).
 */
public class SqlShow extends SqlCall {
  /** What is listed. */
  public enum Kind {
    SERVICES,
    RESOURCES,
    METHODS
  }

  public static final SqlSpecialOperator OPERATOR =
      new SqlSpecialOperator("SHOW", SqlKind.OTHER) {
        @Override
        public SqlCall createCall(
            @Nullable SqlLiteral functionQualifier,
            SqlParserPos pos,
            @Nullable SqlNode... operands) {
          final SqlLiteral kind = (SqlLiteral) Objects.requireNonNull(operands[0], "kind");
          return new SqlShow(
              pos,
              Objects.requireNonNull(kind.getValueAs(Kind.class), "kind"),
              (SqlIdentifier) operands[1],
              operands[2]);
        }
      };

  private final Kind showKind;
  private @Nullable SqlIdentifier target;
  private @Nullable SqlNode likePattern;

  /**
   * @param showKind what is listed
   * @param target the provider, service or resource ({@code linode}, {@code linode.profile}, …);
   *     null only for SHOW SERVICES
   * @param likePattern the LIKE pattern (a character literal), or null
   */
  public SqlShow(
      SqlParserPos pos,
      Kind showKind,
      @Nullable SqlIdentifier target,
      @Nullable SqlNode likePattern) {
    super(pos);
    this.showKind = Objects.requireNonNull(showKind, "showKind");
    this.target = target;
    this.likePattern = likePattern;
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
  public List<@Nullable SqlNode> getOperandList() {
    return ImmutableNullableList.of(
        SqlLiteral.createSymbol(showKind, getParserPosition()), target, likePattern);
  }

  @Override
  public void setOperand(int i, @Nullable SqlNode operand) {
    switch (i) {
      case 1:
        target = (SqlIdentifier) operand;
        break;
      case 2:
        likePattern = operand;
        break;
      default:
        throw new AssertionError(i);
    }
  }

  /** SERVICES, RESOURCES or METHODS. */
  public Kind getShowKind() {
    return showKind;
  }

  /** The identifier after IN, or null (SHOW SERVICES without IN). */
  public @Nullable SqlIdentifier getTarget() {
    return target;
  }

  /** The pattern after LIKE, or null. */
  public @Nullable SqlNode getLikePattern() {
    return likePattern;
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword("SHOW");
    writer.keyword(showKind.name().toUpperCase(Locale.ROOT));
    if (target != null) {
      writer.keyword("IN");
      target.unparse(writer, 0, 0);
    }
    if (likePattern != null) {
      writer.keyword("LIKE");
      likePattern.unparse(writer, 0, 0);
    }
  }
}
