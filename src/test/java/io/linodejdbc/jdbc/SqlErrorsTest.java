package io.linodejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.api.LinodeApiException;
import io.linodejdbc.sql.SqlState;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@link SqlErrors#translate} makes of what a statement threw. */
class SqlErrorsTest {

  /** How Calcite reports a failure while it executes: its own SQLException, no SQLSTATE. */
  private static SQLException calciteWrapping(Throwable cause) {
    return new SQLException("Error while executing SQL \"SELECT 1\": " + cause.getMessage(), null, 0, cause);
  }

  @Test
  void aJvmExceptionFromInsideTheEngineIsAnInternalErrorWithoutJavaText() {
    ClassCastException cce = new ClassCastException("class java.util.ImmutableCollections$List12 cannot be cast"
        + " to class java.lang.Comparable");
    SQLException e = SqlErrors.translate(calciteWrapping(new RuntimeException(cce)), List.of());

    assertThat(e.getSQLState()).isEqualTo(SqlState.INTERNAL_ERROR.code());
    assertThat(e.getMessage()).startsWith("Internal error:").doesNotContain("java.").doesNotContain("cast");
    assertThat((Object) e.getCause()).as("kept for whoever debugs it").isNotNull();
  }

  @Test
  void eachDefectKindIsRecognisedAnywhereInTheChain() {
    for (Throwable defect : List.of(new NullPointerException("x"), new IndexOutOfBoundsException(3),
        new ArrayStoreException("y"), new AssertionError("z"), new NoSuchMethodError("m"))) {
      SQLException e = SqlErrors.translate(calciteWrapping(new IllegalStateException(defect)), List.of());
      assertThat(e.getSQLState()).as(defect.toString()).isEqualTo("XX000");
      assertThat(e.getMessage()).isEqualTo(SqlErrors.ENGINE_DEFECT);
    }
  }

  @Test
  void anOrdinaryFailureKeepsItsOwnMessage() {
    SQLException e = SqlErrors.translate(new SQLException("Statement canceled by the pool"), List.of());
    assertThat(e.getSQLState()).isEqualTo(SqlState.GENERAL_ERROR.code());
    assertThat(e.getMessage()).isEqualTo("Statement canceled by the pool");
  }

  @Test
  void anApiFailureWinsOverADefectFurtherDown() {
    LinodeApiException api = LinodeApiException.builder(LinodeApiException.Kind.HTTP_STATUS, "GET",
        "/profile/tokens").status(403).cause(new NullPointerException()).build();
    SQLException e = SqlErrors.translate(calciteWrapping(api), List.of());
    assertThat(e.getSQLState()).isEqualTo(SqlState.INSUFFICIENT_PRIVILEGE.code());
    assertThat(e.getMessage()).contains("GET /profile/tokens").contains("403");
  }

  @Test
  void aStateAlreadySetIsKept() {
    SQLSyntaxErrorException mine = new SQLSyntaxErrorException("column \"nope\" does not exist", "42703");
    assertThat((Object) SqlErrors.translate(mine, List.of())).isSameAs(mine);
  }
}
