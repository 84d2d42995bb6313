package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaults() {
    assertThat(PageRequest.from(Map.of())).isEqualTo(new PageRequest(1, 100));
  }

  @Test
  void boundsAndFormats() {
    assertThat(PageRequest.from(Map.of("page_size", "25")).pageSize()).isEqualTo(25);
    assertThat(PageRequest.from(Map.of("page_size", "500")).pageSize()).isEqualTo(500);
    assertRejected(Map.of("page_size", "24"), "page_size");
    assertRejected(Map.of("page_size", "501"), "page_size");
    assertRejected(Map.of("page_size", "2.5"), "page_size");
    assertRejected(Map.of("page", "0"), "page");
    assertRejected(Map.of("page", "x"), "page");
    assertRejected(Map.of("page", "-1"), "page");
  }

  private static void assertRejected(Map<String, String> params, String field) {
    assertThatThrownBy(() -> PageRequest.from(params)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.errors().get(0).field()).isEqualTo(field);
    });
  }

  @Test
  void pagesAreAtLeastOne() {
    PageRequest p = new PageRequest(1, 500);
    assertThat(p.pages(0)).isEqualTo(1);
    assertThat(p.pages(500)).isEqualTo(1);
    assertThat(p.pages(501)).isEqualTo(2);
    assertThat(p.pages(1234)).isEqualTo(3);
  }

  @Test
  void slicesAndIsEmptyPastTheEnd() {
    List<Integer> rows = IntStream.rangeClosed(1, 60).boxed().toList();
    assertThat(new PageRequest(3, 25).slice(rows)).containsExactly(51, 52, 53, 54, 55, 56, 57, 58, 59, 60);
    assertThat(new PageRequest(4, 25).slice(rows)).isEmpty();
    assertThat(new PageRequest(Integer.MAX_VALUE, 500).slice(rows)).isEmpty();
  }
}
