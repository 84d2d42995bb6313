package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {

  @Test
  void decodesFirstValueWins() {
    assertThat(QueryString.parse("page=2&page_size=25&page=3&x=a%20b&flag"))
        .containsExactly(Map.entry("page", "2"), Map.entry("page_size", "25"), Map.entry("x", "a b"),
            Map.entry("flag", ""));
  }

  @Test
  void emptyAndMalformed() {
    assertThat(QueryString.parse(null)).isEmpty();
    assertThat(QueryString.parse("")).isEmpty();
    assertThat(QueryString.parse("a=%zz")).containsEntry("a", "%zz");
  }
}
