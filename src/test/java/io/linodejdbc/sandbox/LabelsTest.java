package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class LabelsTest {

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Test
  void acceptsOneToHundredCodePoints() {
    assertThat(Labels.read(F.textNode("a"))).isEqualTo("a");
    assertThat(Labels.read(F.textNode("x".repeat(100)))).hasSize(100);
    assertThat(Labels.read(F.textNode("😀".repeat(100)))).hasSize(200);
  }

  @Test
  void rejectsOthersOnLabel() {
    for (var bad : new com.fasterxml.jackson.databind.JsonNode[] {
        F.textNode(""), F.textNode("x".repeat(101)), F.nullNode(), F.numberNode(5), F.arrayNode()}) {
      assertThatThrownBy(() -> Labels.read(bad)).as(bad.toString())
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("label"));
    }
  }
}
