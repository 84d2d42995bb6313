package io.linodejdbc.sandbox;

import static io.linodejdbc.sandbox.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenQueryTest {

  private final List<SandboxToken> tokens = List.of(
      token(2, "b", "2020-01-01T00:00:00"), token(1, "a", "2020-01-02T00:00:00"), token(3, "c", "2020-01-03T00:00:00"));

  @Test
  void allKeepsEverythingAsGiven() {
    List<SandboxToken> byId = tokens.stream().sorted(TokenOrdering.BY_ID).toList();
    assertThat(TokenQuery.ALL.apply(byId)).isSameAs(byId);
  }

  @Test
  void filtersThenOrders() {
    TokenQuery q = new TokenQuery(t -> t.id() != 2, TokenOrdering.by("created", true, LabelMatching.EXACT));
    assertThat(q.apply(tokens)).extracting(SandboxToken::id).containsExactly(3, 1);
  }
}
