package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RuntimeSettingsTest {

  @Test
  void holdsAndChangesValues() {
    RuntimeSettings s = new RuntimeSettings(Duration.ZERO, LabelMatching.EXACT);
    s.setLatency(Duration.ofMillis(5));
    s.setLabelMatching(LabelMatching.CASE_INSENSITIVE);
    assertThat(s.latency()).isEqualTo(Duration.ofMillis(5));
    assertThat(s.labelMatching()).isEqualTo(LabelMatching.CASE_INSENSITIVE);
    assertThatThrownBy(() -> s.setLatency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.setLabelMatching(null)).isInstanceOf(NullPointerException.class);
  }
}
