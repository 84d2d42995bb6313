package io.linodejdbc.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings a test may change while the server runs: latency and label matching. Thread-safe.
 *
 * <p>Kept apart from the server so that the handler and endpoints read the current value on every
 * request without holding a reference to the whole server.
 */
final class RuntimeSettings {

  private volatile Duration latency;
  private volatile LabelMatching labelMatching;

  RuntimeSettings(Duration latency, LabelMatching labelMatching) {
    setLatency(latency);
    setLabelMatching(labelMatching);
  }

  Duration latency() {
    return latency;
  }

  void setLatency(Duration latency) {
    Objects.requireNonNull(latency, "latency");
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative");
    }
    this.latency = latency;
  }

  LabelMatching labelMatching() {
    return labelMatching;
  }

  void setLabelMatching(LabelMatching labelMatching) {
    this.labelMatching = Objects.requireNonNull(labelMatching, "labelMatching");
  }
}
