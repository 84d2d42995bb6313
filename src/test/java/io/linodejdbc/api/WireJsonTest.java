package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class WireJsonTest {

  @Test
  void headerValueIsPrintableAsciiAndRoundTrips() throws Exception {
    ObjectNode filter = JsonNodeFactory.instance.objectNode();
    filter.putArray("+or").add(JsonNodeFactory.instance.objectNode().put("label", "日本"))
        .add(JsonNodeFactory.instance.objectNode().put("label", "İstanbul"));
    filter.put("ctl", "a\u0001b\u007fc\n\"q\"\\");
    filter.put("emoji", "\uD83D\uDE00");

    String header = WireJson.headerValue(filter);

    assertThat(header.chars()).allMatch(c -> c >= 0x20 && c < 0x7f);
    assertThat(header.toLowerCase()).contains("\\u65e5\\u672c").contains("\\u0130stanbul").contains("\\u007f")
        .contains("\\u0001");
    JsonNode back = WireJson.mapper().readTree(header);
    assertThat(back).isEqualTo(filter);
  }

  @Test
  void bodyKeepsUtf8() {
    ObjectNode body = JsonNodeFactory.instance.objectNode().put("label", "日本");
    assertThat(WireJson.body(body)).isEqualTo("{\"label\":\"日本\"}");
  }
}
