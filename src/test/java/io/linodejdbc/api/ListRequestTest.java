package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ListRequestTest {

  @Test
  void defaults() {
    ListRequest r = ListRequest.builder("/profile/tokens").build();
    assertThat(r.path()).isEqualTo("/profile/tokens");
    assertThat(r.xFilter()).isEmpty();
    assertThat(r.pageSize()).isZero();
    assertThat(r.prefetchRows()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void filterIsCopiedSoTheRequestStaysImmutable() {
    ObjectNode filter = JsonNodeFactory.instance.objectNode().put("label", "ci");
    ListRequest r = ListRequest.builder("/profile/tokens").xFilter(filter).pageSize(100).prefetchRows(5).build();
    filter.put("label", "changed");
    assertThat(r.xFilter().orElseThrow().get("label").asText()).isEqualTo("ci");
    ((ObjectNode) r.xFilter().orElseThrow()).put("label", "changed again");
    assertThat(r.xFilter().orElseThrow().get("label").asText()).isEqualTo("ci");
    assertThat(r.toBuilder().build()).isEqualTo(r);
    assertThat(r.pageSize()).isEqualTo(100);
    assertThat(r.prefetchRows()).isEqualTo(5);
  }

  @Test
  void invalidValuesAreRejected() {
    assertThatThrownBy(() -> ListRequest.builder("profile/tokens")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListRequest.builder("/profile/tokens?page=2"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("query");
    assertThatThrownBy(() -> ListRequest.builder("/p").pageSize(10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListRequest.builder("/p").prefetchRows(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListRequest.builder("/p").xFilter(JsonNodeFactory.instance.arrayNode()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
