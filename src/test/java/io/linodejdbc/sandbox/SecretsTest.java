package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void randomSecretsAre64HexCharsAndDiffer() {
    var source = Secrets.random();
    String a = source.get();
    assertThat(a).matches("[0-9a-f]{64}");
    assertThat(source.get()).isNotEqualTo(a);
  }

  @Test
  void seededSecretsRepeat() {
    assertThat(Secrets.next(new SplittableRandom(5))).isEqualTo(Secrets.next(new SplittableRandom(5)))
        .matches("[0-9a-f]{64}");
  }
}
