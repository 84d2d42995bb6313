package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternsTest {
  @Test void wildcardsSplitRuns() {
    assertThat(LikePatterns.longestLiteralRun("%ab%cdef_g%", null)).isEqualTo("cdef");
    assertThat(LikePatterns.longestLiteralRun("exact", null)).isEqualTo("exact");
    assertThat(LikePatterns.longestLiteralRun("%", null)).isEmpty();
  }

  @Test void escapedWildcardsAreLiteral() {
    assertThat(LikePatterns.longestLiteralRun("%100!%%", '!')).isEqualTo("100%");
    assertThat(LikePatterns.longestLiteralRun("a!_b", '!')).isEqualTo("a_b");
  }

  @Test void sigmaEndsARunBecauseItsLowerCaseDependsOnPosition() {
    assertThat(LikePatterns.longestLiteralRun("%ΑΣΑ%", null)).isEqualTo("Α");
    assertThat(LikePatterns.longestLiteralRun("%日本%", null)).isEqualTo("日本");
  }

  @Test void backslashesEndARunBecauseServersMayTreatThemAsEscapes() {
    assertThat(LikePatterns.longestLiteralRun("%ab\\cde%", null)).isEqualTo("cde");
  }
}
