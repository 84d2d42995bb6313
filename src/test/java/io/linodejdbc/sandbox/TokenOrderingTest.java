package io.linodejdbc.sandbox;

import static io.linodejdbc.sandbox.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenOrderingTest {

  private final List<SandboxToken> tokens = List.of(
      token(1, "b", "2020-01-02T00:00:00"),
      token(2, null, "2020-01-01T00:00:00"),
      token(3, "B", "2020-01-02T00:00:00"),
      token(4, "a", "2020-01-01T00:00:00"),
      token(5, null, "2020-01-03T00:00:00"));

  private List<Integer> sorted(String field, boolean desc, LabelMatching m) {
    return tokens.stream().sorted(TokenOrdering.by(field, desc, m)).map(SandboxToken::id).toList();
  }

  @Test
  void labelAscendingPutsNullsFirstAndBreaksTiesById() {
    assertThat(sorted("label", false, LabelMatching.EXACT)).containsExactly(2, 5, 3, 4, 1);
    assertThat(sorted("label", false, LabelMatching.CASE_INSENSITIVE)).containsExactly(2, 5, 4, 1, 3);
  }

  @Test
  void labelDescendingPutsNullsLastAndStillBreaksTiesByIdAscending() {
    assertThat(sorted("label", true, LabelMatching.EXACT)).containsExactly(1, 4, 3, 2, 5);
    assertThat(sorted("label", true, LabelMatching.CASE_INSENSITIVE)).containsExactly(1, 3, 4, 2, 5);
  }

  @Test
  void createdWithTiesById() {
    assertThat(sorted("created", false, LabelMatching.EXACT)).containsExactly(2, 4, 1, 3, 5);
    assertThat(sorted("created", true, LabelMatching.EXACT)).containsExactly(5, 1, 3, 2, 4);
  }

  @Test
  void defaultIsById() {
    assertThat(tokens.stream().sorted(TokenOrdering.BY_ID).map(SandboxToken::id).toList())
        .containsExactly(1, 2, 3, 4, 5);
  }
}
