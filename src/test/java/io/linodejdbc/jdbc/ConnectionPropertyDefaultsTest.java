package io.linodejdbc.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.api.ApiConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Pins every connection property's default in one place (as Trino's TestExampleConfig does), and
 * proves that a connection with no properties gets exactly the API client's own defaults.
 */
class ConnectionPropertyDefaultsTest {
  @Test void defaultsAreThese() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("token", null);
    expected.put("password", null);
    expected.put("user", null);
    expected.put("apiUrl", "https://api.linode.com/v4");
    expected.put("pageSize", "500");
    expected.put("maxConcurrentRequests", "64");
    expected.put("connectTimeout", "10");
    expected.put("readTimeout", "30");
    expected.put("maxRetries", "4");
    expected.put("allowFullTableDml", "false");
    expected.put("allowRevokeSelf", "false");
    expected.put("cacheTtl", "0");
    expected.put("dryRun", "false");
    Map<String, String> actual = new LinkedHashMap<>();
    for (ConnectionProperty p : ConnectionProperty.values()) {
      actual.put(p.key(), p.defaultValue());
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test void noPropertiesGiveTheApiClientsDefaults() throws SQLException {
    Properties p = new Properties();
    p.setProperty("token", "t0ken-for-the-defaults-test-0123456789");
    ApiConfig fromJdbc = ConnectionConfig.parse("jdbc:linode:", p, k -> null).toApiConfig();
    ApiConfig plain = ApiConfig.builder().token("t0ken-for-the-defaults-test-0123456789").build();
    assertThat(fromJdbc.baseUrl()).isEqualTo(plain.baseUrl());
    assertThat(fromJdbc.pageSize()).isEqualTo(plain.pageSize());
    assertThat(fromJdbc.maxConcurrentRequests()).isEqualTo(plain.maxConcurrentRequests());
    assertThat(fromJdbc.connectTimeout()).isEqualTo(plain.connectTimeout());
    assertThat(fromJdbc.readTimeout()).isEqualTo(plain.readTimeout());
    assertThat(fromJdbc.maxRetries()).isEqualTo(plain.maxRetries());
    assertThat(plain.readTimeout()).isEqualTo(Duration.ofSeconds(30));
  }
}
