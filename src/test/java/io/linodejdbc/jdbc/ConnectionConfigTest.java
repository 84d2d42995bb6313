package io.linodejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.api.ApiConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionConfigTest {
  private static final String SECRET = "s3cr3t-TOKEN-value-0123456789abcdef";

  private static ConnectionConfig parse(String url, Properties props, Map<String, String> env)
      throws SQLException {
    return ConnectionConfig.parse(url, props, env::get);
  }

  private static Properties props(String... kv) {
    Properties p = new Properties();
    for (int i = 0; i < kv.length; i += 2) {
      p.setProperty(kv[i], kv[i + 1]);
    }
    return p;
  }

  @Test void defaultsAndUrlProperties() throws SQLException {
    ConnectionConfig c = parse("jdbc:linode:pageSize=100;readTimeout=60", props("token", SECRET),
        Map.of());
    ApiConfig api = c.toApiConfig();
    assertThat(api.pageSize()).isEqualTo(100);
    assertThat(api.readTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(api.baseUrl()).isEqualTo("https://api.linode.com/v4");
    assertThat(api.maxConcurrentRequests()).isEqualTo(64);
    assertThat(api.token()).isEqualTo(SECRET);
  }

  @Test void tokenFromPasswordOrEnvironment() throws SQLException {
    assertThat(parse("jdbc:linode:", props("password", SECRET), Map.of()).token())
        .isEqualTo(SECRET);
    assertThat(parse("jdbc:linode:", props(), Map.of("LINODE_TOKEN", SECRET)).token())
        .isEqualTo(SECRET);
    // An explicit token wins over the environment.
    assertThat(parse("jdbc:linode:", props("token", "explicit"), Map.of("LINODE_TOKEN", SECRET))
        .token()).isEqualTo("explicit");
  }

  @Test void missingTokenIsAnAuthorizationError() {
    assertThatThrownBy(() -> parse("jdbc:linode:", props("user", "me"), Map.of()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("LINODE_TOKEN")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("28000"));
  }

  @Test void unknownPropertyNamesTheKnownOnes() {
    assertThatThrownBy(() -> parse("jdbc:linode:pagesize=100;fooBar=1", props("token", SECRET),
        Map.of()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("fooBar")
        .hasMessageContaining("maxConcurrentRequests")
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
  }

  @Test void badValuesSayWhatIsAllowed() {
    assertThatThrownBy(() -> parse("jdbc:linode:pageSize=1000", props("token", SECRET), Map.of()))
        .hasMessageContaining("pageSize").hasMessageContaining("25").hasMessageContaining("500");
    assertThatThrownBy(() -> parse("jdbc:linode:maxRetries=many", props("token", SECRET),
        Map.of()))
        .hasMessageContaining("maxRetries").hasMessageContaining("whole number");
    assertThatThrownBy(() -> parse("jdbc:linode:nonsense", props("token", SECRET), Map.of()))
        .hasMessageContaining("key=value");
  }

  @Test void plainHttpOnlyToLoopback() throws SQLException {
    assertThat(parse("jdbc:linode:apiUrl=http://127.0.0.1:8080/v4", props("token", SECRET),
        Map.of()).toApiConfig().baseUrl()).isEqualTo("http://127.0.0.1:8080/v4");
    assertThatThrownBy(() -> parse("jdbc:linode:apiUrl=http://api.linode.com/v4",
        props("token", SECRET), Map.of()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("https");
  }

  @Test void conflictingValuesAreRefusedWithoutShowingSecrets() {
    assertThatThrownBy(() -> parse("jdbc:linode:token=" + SECRET, props("token", "other-token"),
        Map.of()))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("token")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET));
  }

  @Test void toStringHidesTheToken() throws SQLException {
    ConnectionConfig c = parse("jdbc:linode:", props("token", SECRET, "password", SECRET),
        Map.of());
    assertThat(c.toString()).doesNotContain(SECRET).contains("token=***");
    assertThat(c.toApiConfig().toString()).doesNotContain(SECRET);
  }
}
