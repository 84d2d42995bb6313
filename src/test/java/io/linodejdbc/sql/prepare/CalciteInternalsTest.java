package io.linodejdbc.sql.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.PreparedStatement;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaPreparedStatement;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.server.CalciteServerStatement;
import org.junit.jupiter.api.Test;

/**
 * The Calcite internals {@link CalciteInternals} touches are where it expects them. If this fails
 * after a Calcite or Avatica upgrade, the driver still works as plain Calcite would, but loses
 * what the class comment lists: re-read the new version's {@code CalciteConnectionImpl.server}.
 */
class CalciteInternalsTest {
  private static final String MOVED = "Calcite's internals moved: CalciteInternals was written for "
      + CalciteInternals.WRITTEN_FOR + ", the class path has calcite-core "
      + version(CalciteConnection.class) + ", avatica-core " + version(AvaticaConnection.class);

  private static String version(Class<?> type) {
    Package p = type.getPackage();
    return p == null || p.getImplementationVersion() == null ? "(unknown)"
        : p.getImplementationVersion();
  }

  private static CalciteConnection open() throws java.sql.SQLException {
    return new LinodeCalciteDriver().open(DialectSettings.connectionProperties());
  }

  @Test void theStatementRegistryBecomesConcurrent() throws Exception {
    try (CalciteConnection c = open()) {
      assertThat(CalciteInternals.makeStatementRegistryConcurrent((AvaticaConnection) c))
          .as(MOVED).isTrue();
    }
  }

  @Test void aPreparedStatementsServerStatementIsFound() throws Exception {
    try (CalciteConnection c = open();
        PreparedStatement ps = c.prepareStatement("VALUES 1")) {
      CalciteServerStatement server = CalciteInternals.serverStatement(c,
          ((AvaticaPreparedStatement) ps).handle);
      assertThat(server).as(MOVED).isNotNull();
      assertThat(server.getSignature()).as(MOVED).isNotNull();
      assertThat(server.getSignature().sql).isEqualTo("VALUES 1");
    }
  }
}
