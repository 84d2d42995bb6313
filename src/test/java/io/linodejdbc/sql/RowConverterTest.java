package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.resource.LinodeDateTime;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RowConverterTest {
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      new com.fasterxml.jackson.databind.ObjectMapper();
  private static final RowConverter CONVERTER =
      new RowConverter(io.linodejdbc.resource.Resources.PERSONAL_ACCESS_TOKENS);

  /** What {@link RowConverter#decode} makes of one object's JSON text: the row, or the failure's message. */
  private static Object decoded(String json) throws java.io.IOException {
    try (com.fasterxml.jackson.core.JsonParser p = MAPPER.getFactory().createParser(json)) {
      assertThat(p.nextToken()).isEqualTo(com.fasterxml.jackson.core.JsonToken.START_OBJECT);
      Object out;
      try {
        out = java.util.Arrays.asList(CONVERTER.decode(p));
      } catch (LinodeQueryException e) {
        out = e.getMessage();
      }
      assertThat(p.currentToken()).as("left at the object's end: " + json)
          .isEqualTo(com.fasterxml.jackson.core.JsonToken.END_OBJECT);
      assertThat(p.nextToken()).as(json).isNull();
      return out;
    }
  }

  /** What {@link RowConverter#toRow} makes of the same object read as a tree. */
  private static Object fromTree(String json) throws java.io.IOException {
    try {
      return java.util.Arrays.asList(CONVERTER.toRow(
          (com.fasterxml.jackson.databind.node.ObjectNode) MAPPER.readTree(json)));
    } catch (LinodeQueryException e) {
      return e.getMessage();
    }
  }

  @Test void decodingTokensGivesWhatTheTreeGives() throws Exception {
    String ok = "\"id\":7,\"label\":\"a\\\"b\u00e9\",\"scopes\":\"*\",\"created\":\"2024-02-29T23:59:59\","
        + "\"expiry\":null,\"token\":\"abcdef0123456789\"";
    String[] cases = {
        "{" + ok + "}",
        "{" + ok + ",\"extra\":{\"x\":[1,{\"y\":2}]},\"more\":[[],{}]}",
        "{\"extra\":[1,2,3]," + ok + "}",
        "{" + ok + ",\"id\":8}", // a field given twice: the last counts
        "{" + ok + ",\"id\":\"8\"}",
        "{\"id\":\"8\"," + ok + "}",
        "{" + ok.replace("\"id\":7", "\"id\":7.0") + "}",
        "{" + ok.replace("\"id\":7", "\"id\":3000000000") + "}",
        "{" + ok.replace("\"id\":7", "\"id\":null") + "}",
        "{" + ok.replace("\"id\":7,", "") + "}",
        "{" + ok.replace("\"id\":7", "\"id\":{\"n\":7}") + "}",
        "{" + ok.replace("\"id\":7", "\"id\":true") + "}",
        "{" + ok.replace("2024-02-29T23:59:59", "2023-02-29T00:00:00") + "}",
        "{" + ok.replace("2024-02-29T23:59:59", "2024-01-01T00:00:00.5") + "}",
        "{" + ok.replace("2024-02-29T23:59:59", "2024-01-01T00:00:00Z") + "}",
        "{" + ok.replace("\"2024-02-29T23:59:59\"", "[1]") + "}",
        "{" + ok.replace("\"expiry\":null", "\"expiry\":\"2030-01-01T00:00:00\"") + "}",
        "{" + ok.replace("\"expiry\":null", "\"expiry\":5") + "}",
        "{" + ok.replace("\"scopes\":\"*\"", "\"scopes\":[\"*\"]") + "}",
        "{" + ok.replace("\"label\":\"a\\\"b\u00e9\"", "\"label\":null") + "}",
        // two wrong columns: the first in column order is named, whatever the field order
        "{" + ok.replace("\"id\":7", "\"id\":\"x\"").replace("\"scopes\":\"*\"", "\"scopes\":1") + "}",
        "{\"scopes\":1," + ok.replace("\"scopes\":\"*\",", "").replace("\"id\":7", "\"id\":\"x\"") + "}",
        "{}",
    };
    for (String json : cases) {
      assertThat(decoded(json)).as(json).isEqualTo(fromTree(json));
    }
    assertThat(decoded("{" + ok + "}")).isInstanceOf(java.util.List.class);
    assertThat(decoded("{}")).asString().contains("is missing");
  }

  @Test void theCharacterPathOfMillisAgreesWithTheStringPath() {
    for (String text : new String[] {"2024-02-29T23:59:59", "0001-01-01T00:00:00",
        "2024-01-01T00:00:00.5", "2024-01-01T00:00:00Z"}) {
      char[] padded = ("xx" + text + "yy").toCharArray();
      assertThat(RowConverter.millis(padded, 2, text.length())).as(text).isEqualTo(RowConverter.millis(text));
    }
  }

  @Test void theFastDateTimePathAgreesWithTheFormatter() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 5_000; i++) {
      LocalDateTime t = LocalDateTime.of(1 + rng.nextInt(9999), 1 + rng.nextInt(12),
          1 + rng.nextInt(28), rng.nextInt(24), rng.nextInt(60), rng.nextInt(60));
      String text = LinodeDateTime.format(t);
      assertThat(RowConverter.millis(text)).as(text)
          .isEqualTo(Timestamps.toMillis(LinodeDateTime.parse(text)));
    }
    for (String edge : new String[] {"2024-02-29T23:59:59", "1970-01-01T00:00:00",
        "0001-01-01T00:00:00", "9999-12-31T23:59:59", "2024-01-01T00:00:00.5",
        "2024-01-01T00:00:00Z"}) {
      assertThat(RowConverter.millis(edge)).as(edge)
          .isEqualTo(Timestamps.toMillis(LinodeDateTime.parse(edge)));
    }
  }

  @Test void invalidDateTimesAreRefused() {
    for (String bad : new String[] {"2023-02-29T00:00:00", "2024-13-01T00:00:00",
        "2024-01-01T24:00:00", "2024-01-01T00:60:00", "2024-01-0xT00:00:00", "yesterday", ""}) {
      assertThatThrownBy(() -> RowConverter.millis(bad)).as(bad)
          .isInstanceOf(DateTimeException.class);
    }
  }
}
