package io.linodejdbc.sql.parser;

import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlDelegatingConformance;

/**
 * The SQL the driver accepts: Calcite's default conformance plus, one by one, what PostgreSQL
 * users write (and a few MySQL habits that clash with nothing in PostgreSQL). Deliberately not
 * Calcite's BABEL conformance wholesale, which was seen to give a wrong ROLLUP total and to fail
 * on {@code GROUP BY CASE ...}.
 */
public final class PgConformance extends SqlDelegatingConformance {
  public static final PgConformance INSTANCE = new PgConformance();

  private PgConformance() {
    super(SqlConformanceEnum.DEFAULT);
  }

  /** {@code GROUP BY m} for an output column {@code m} (a column of the FROM wins, as in PG). */
  @Override public boolean isGroupByAlias() {
    return true;
  }

  /** {@code GROUP BY 1}. */
  @Override public boolean isGroupByOrdinal() {
    return true;
  }

  /** {@code HAVING n > 1} for an output column {@code n} (MySQL; PostgreSQL refuses it). */
  @Override public boolean isHavingAlias() {
    return true;
  }

  /** {@code !=} (PostgreSQL's synonym of {@code <>}). */
  @Override public boolean isBangEqualAllowed() {
    return true;
  }

  /** {@code a % b}. */
  @Override public boolean isPercentRemainderAllowed() {
    return true;
  }

  /** MySQL's {@code LIMIT offset, count}. */
  @Override public boolean isLimitStartCountAllowed() {
    return true;
  }

  /** PostgreSQL's {@code OFFSET m LIMIT n} as well as {@code LIMIT n OFFSET m}. */
  @Override public boolean isOffsetLimitAllowed() {
    return true;
  }
}
