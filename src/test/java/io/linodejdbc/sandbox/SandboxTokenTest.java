package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class SandboxTokenTest {

  private static final String SECRET = "abcdefghijklmnop" + "q".repeat(48);
  private final SandboxToken token =
      new SandboxToken(7, "ci", "*", LocalDateTime.parse("2024-01-01T00:00:00"), null, SECRET);

  @Test
  void prefixIsTheFirst16Characters() {
    assertThat(token.prefix()).isEqualTo("abcdefghijklmnop");
  }

  @Test
  void toStringShowsPrefixButNeverTheSecret() {
    assertThat(token.toString()).contains("abcdefghijklmnop…").doesNotContain(SECRET).contains("id=7");
  }

  @Test
  void withLabelChangesOnlyTheLabel() {
    SandboxToken relabelled = token.withLabel("cd");
    assertThat(relabelled.label()).isEqualTo("cd");
    assertThat(relabelled.withLabel("ci")).isEqualTo(token);
  }

  @Test
  void rejectsInvalidValues() {
    LocalDateTime now = LocalDateTime.now();
    assertThatThrownBy(() -> new SandboxToken(0, "x", "*", now, null, SECRET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SandboxToken(1, "x", "*", now, null, "short"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SandboxToken(1, "x", null, now, null, SECRET))
        .isInstanceOf(NullPointerException.class);
    assertThat(new SandboxToken(1, null, "*", now, null, SECRET).label()).isNull();
  }
}
