package io.linodejdbc.sandbox;

import static io.linodejdbc.sandbox.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenFilterTest {

  private final List<SandboxToken> tokens = List.of(
      token(1, "deploy", "2020-01-01T00:00:00"),
      token(2, "Deploy", "2020-01-02T00:00:00"),
      token(3, null, "2020-01-03T00:00:00"),
      token(4, "100%", "2020-01-03T00:00:00"),
      token(5, "{\"+or\":[{\"label\":\"x\"}]}", "2020-01-05T00:00:00"));

  private List<Integer> ids(String filter, LabelMatching m) {
    return TokenFilter.parse(filter, m).apply(tokens).stream().map(SandboxToken::id).toList();
  }

  private List<Integer> ids(String filter) {
    return ids(filter, LabelMatching.EXACT);
  }

  @Test
  void noFilterMeansAllById() {
    assertThat(ids(null)).containsExactly(1, 2, 3, 4, 5);
    assertThat(ids("  ")).containsExactly(1, 2, 3, 4, 5);
    assertThat(ids("{}")).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void nullLabelsMatchOnlyNeq() {
    assertThat(ids("{\"label\":{\"+neq\":\"deploy\"}}")).containsExactly(2, 3, 4, 5);
    assertThat(ids("{\"label\":{\"+contains\":\"\"}}")).containsExactly(1, 2, 4, 5);
    assertThat(ids("{\"label\":{\"+gte\":\"\"}}")).containsExactly(1, 2, 4, 5);
    assertThat(ids("{\"label\":{\"+lt\":\"zzzz\"}}")).containsExactly(1, 2, 4);
  }

  @Test
  void operatorsInOneObjectAndTopLevelKeysAreAnded() {
    assertThat(ids("{\"label\":{\"+gte\":\"D\",\"+lt\":\"e\"}}")).containsExactly(1, 2);
    assertThat(ids("{\"label\":{\"+contains\":\"eploy\"},\"created\":{\"+gt\":\"2020-01-01T00:00:00\"}}"))
        .containsExactly(2);
  }

  @Test
  void andOrNestFreely() {
    assertThat(ids("{\"+or\":[{\"label\":\"100%\"},{\"+and\":[{\"+or\":[{\"label\":\"deploy\"},"
        + "{\"label\":\"Deploy\"}]},{\"created\":{\"+lte\":\"2020-01-01T00:00:00\"}}]}]}"))
        .containsExactly(1, 4);
  }

  @Test
  void metacharactersAreJustData() {
    assertThat(ids("{\"label\":\"{\\\"+or\\\":[{\\\"label\\\":\\\"x\\\"}]}\"}")).containsExactly(5);
    assertThat(ids("{\"label\":{\"+contains\":\"%\"}}")).containsExactly(4);
  }

  @Test
  void caseInsensitiveMatching() {
    assertThat(ids("{\"label\":\"DEPLOY\"}", LabelMatching.CASE_INSENSITIVE)).containsExactly(1, 2);
    assertThat(ids("{\"label\":\"DEPLOY\"}", LabelMatching.EXACT)).isEmpty();
  }

  @Test
  void createdEqualityAndNeq() {
    assertThat(ids("{\"created\":\"2020-01-03T00:00:00\"}")).containsExactly(3, 4);
    assertThat(ids("{\"created\":{\"+neq\":\"2020-01-03T00:00:00\"}}")).containsExactly(1, 2, 5);
  }

  @Test
  void orderingKeys() {
    assertThat(ids("{\"+order_by\":\"created\",\"+order\":\"desc\"}")).containsExactly(5, 3, 4, 2, 1);
    assertThat(ids("{\"+order\":\"desc\"}")).containsExactly(1, 2, 3, 4, 5);
    assertThat(ids("{\"+order_by\":\"label\",\"label\":{\"+neq\":\"x\"}}")).containsExactly(3, 4, 2, 1, 5);
  }

  @Test
  void invalidFiltersAre400OnXFilter() {
    String[] bad = {
        "{\"id\":1}", "{\"scopes\":\"*\"}", "{\"+order_by\":\"expiry\"}", "{\"+order\":\"up\"}",
        "{\"label\":{\"+like\":\"a\"}}", "{\"+xor\":[]}", "{\"+or\":[]}", "{\"+or\":{}}", "{\"+and\":[1]}",
        "{\"label\":[\"a\"]}", "{\"label\":null}", "{\"label\":5}", "{\"label\":{}}",
        "{\"created\":\"2020-01-01\"}", "{\"created\":{\"+contains\":\"2020\"}}",
        "{\"+or\":[{\"+order_by\":\"label\"}]}", "not json", "[]", "{\"label\":\"a\",\"label\":\"b\"}"};
    for (String filter : bad) {
      assertThatThrownBy(() -> TokenFilter.parse(filter, LabelMatching.EXACT)).as(filter)
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors().get(0).field()).isEqualTo("X-Filter");
          });
    }
  }

  @Test
  void cannotFilterOnNamesTheField() {
    assertThatThrownBy(() -> TokenFilter.parse("{\"expiry\":\"x\"}", LabelMatching.EXACT))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.errors().get(0).reason()).isEqualTo("Cannot filter on expiry"));
  }
}
