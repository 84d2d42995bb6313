package io.linodejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.LinodeAssert;
import io.linodejdbc.testing.SandboxFixture;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LinodeDriverTest {
  private static SandboxFixture sandbox;
  private static List<SandboxToken> tokens;

  @BeforeAll static void start() {
    tokens = SampleData.demo();
    sandbox = SandboxFixture.start(tokens, LabelMatching.EXACT);
  }

  @AfterAll static void stop() {
    sandbox.close();
  }

  private static Connection connect() throws SQLException {
    return sandbox.connect();
  }

  private static LinodeAssert sql(String sql) {
    return LinodeAssert.sql(sql).on(sandbox);
  }

  @Test void driverManagerFindsTheDriverByUrl() throws SQLException {
    assertThat(DriverManager.getDriver("jdbc:linode:")).isInstanceOf(LinodeDriver.class);
    assertThat(new LinodeDriver().acceptsURL("jdbc:postgresql://x")).isFalse();
    assertThat(new LinodeDriver().connect("jdbc:postgresql://x", new Properties())).isNull();
  }

  @Test void columnsInTheDocumentedOrderAndTypes() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT * FROM linode.profile.personal_access_tokens")) {
      var md = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        names.add(md.getColumnName(i) + " " + md.getColumnTypeName(i));
      }
      assertThat(names).containsExactly("id INTEGER", "created TIMESTAMP", "expiry TIMESTAMP",
          "label VARCHAR", "scopes VARCHAR", "token VARCHAR");
      assertThat(md.isNullable(1)).isEqualTo(java.sql.ResultSetMetaData.columnNoNulls);
      assertThat(md.isNullable(3)).isEqualTo(java.sql.ResultSetMetaData.columnNullable);
    }
  }

  @Test void identifiersFoldToLowerCaseUnlessQuoted() {
    int n = tokens.size();
    sql("SELECT COUNT(LABEL) + COUNT(*) - COUNT(label) AS n FROM "
        + "Linode.Profile.Personal_Access_Tokens").returns("n=" + n);
    sql("SELECT COUNT(\"label\") AS n FROM personal_access_tokens")
        .returns("n=" + tokens.stream().filter(t -> t.label() != null).count());
    sql("SELECT COUNT(*) AS n FROM profile.personal_access_tokens").returns("n=" + n);
    SQLException e = sql("SELECT \"LABEL\" FROM personal_access_tokens").failure();
    assertThat(e.getSQLState()).startsWith("42");
    assertThat(e.getMessage()).contains("LABEL");
  }

  @Test void timestampsAreTheApiValuesWhateverTheJvmTimeZone() throws SQLException {
    SandboxToken first = tokens.get(0);
    TimeZone saved = TimeZone.getDefault();
    for (String zone : Arrays.asList("UTC", "Asia/Tokyo", "America/Los_Angeles")) {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      try (Connection c = connect(); PreparedStatement ps =
          c.prepareStatement("SELECT created FROM personal_access_tokens WHERE id = ?")) {
        ps.setInt(1, first.id());
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getObject(1, LocalDateTime.class)).as(zone).isEqualTo(first.created());
          assertThat(rs.getTimestamp(1).toLocalDateTime()).as(zone).isEqualTo(first.created());
          assertThat(rs.getString(1)).as(zone)
              .isEqualTo(first.created().format(
                  java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        }
      } finally {
        TimeZone.setDefault(saved);
      }
    }
  }

  @Test void unicodeLiteralsWork() {
    sql("SELECT '日本 İstanbul' AS v FROM (VALUES (1))").returns("v=日本 İstanbul");
  }

  @Test void preparedStatementReusesItsPlanWithNewParameters() throws SQLException {
    try (Connection c = connect(); PreparedStatement ps =
        c.prepareStatement("SELECT label FROM personal_access_tokens WHERE id = ?")) {
      for (SandboxToken t : tokens.subList(0, 3)) {
        ps.setInt(1, t.id());
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(t.label());
          assertThat(rs.next()).isFalse();
        }
      }
    }
  }

  @Test void wrappersPointBackToWrappers() throws SQLException {
    try (Connection c = connect(); Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT 1 FROM (VALUES (1))")) {
      assertThat(s.getConnection()).isSameAs(c);
      assertThat(rs.getStatement()).isSameAs(s);
      assertThat(c.getMetaData().getConnection()).isSameAs(c);
      assertThat(c.isWrapperFor(Connection.class)).isTrue();
      assertThat(c.toString()).doesNotContain(sandbox.server().actingToken());
    }
  }

  @Test void closingTheConnectionClosesIt() throws SQLException {
    Connection c = connect();
    c.close();
    assertThat(c.isClosed()).isTrue();
    assertThatThrownBy(c::createStatement).isInstanceOf(SQLException.class);
  }

  @Test void propertyInfoDescribesEveryPropertyAndHidesSecrets() throws SQLException {
    Properties p = new Properties();
    p.setProperty("token", "hidden-token-value");
    DriverPropertyInfo[] info = new LinodeDriver().getPropertyInfo("jdbc:linode:", p);
    assertThat(info).extracting(i -> i.name)
        .contains("token", "apiUrl", "pageSize", "maxConcurrentRequests", "connectTimeout",
            "readTimeout", "maxRetries");
    assertThat(info).allSatisfy(i -> {
      assertThat(i.description).isNotBlank();
      assertThat(String.valueOf(i.value)).doesNotContain("hidden-token-value");
    });
  }
}
