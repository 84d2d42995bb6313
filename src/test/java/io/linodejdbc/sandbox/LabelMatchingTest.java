package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LabelMatchingTest {

  @Test
  void exactIsCaseSensitive() {
    assertThat(LabelMatching.EXACT.equal("Deploy", "deploy")).isFalse();
    assertThat(LabelMatching.EXACT.contains("Deploy", "eploy")).isTrue();
    assertThat(LabelMatching.EXACT.contains("Deploy", "DEP")).isFalse();
    assertThat(LabelMatching.EXACT.compare("B", "a")).isNegative();
  }

  @Test
  void caseInsensitiveLowerCasesBothSidesWithRootLocale() {
    assertThat(LabelMatching.CASE_INSENSITIVE.equal("DEPLOY", "dEpLoY")).isTrue();
    assertThat(LabelMatching.CASE_INSENSITIVE.contains("Deploy-Prod", "PROD")).isTrue();
    assertThat(LabelMatching.CASE_INSENSITIVE.compare("B", "a")).isPositive();
    assertThat(LabelMatching.CASE_INSENSITIVE.equal("straße", "STRASSE")).isFalse();
    assertThat(LabelMatching.CASE_INSENSITIVE.equal("İstanbul", "istanbul")).isFalse();
  }
}
