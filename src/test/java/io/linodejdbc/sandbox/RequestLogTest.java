package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RequestLogTest {

  private static RecordedRequest request(String path) {
    return new RecordedRequest("GET", path, null, null, "", 200, Instant.EPOCH);
  }

  @Test
  void keepsArrivalOrderEvenWhenRequestsFinishOutOfOrder() {
    RequestLog log = new RequestLog();
    long first = log.arrived();
    long second = log.arrived();
    log.record(second, request("/second"));
    log.finished();
    log.record(first, request("/first"));
    log.finished();
    assertThat(log.requests()).extracting(RecordedRequest::path).containsExactly("/first", "/second");
    assertThat(log.count()).isEqualTo(2);
  }

  @Test
  void tracksMaxInFlightUntilCleared() {
    RequestLog log = new RequestLog();
    log.arrived();
    log.arrived();
    log.arrived();
    log.finished();
    log.finished();
    assertThat(log.maxInFlight()).isEqualTo(3);
    log.clear();
    assertThat(log.maxInFlight()).isEqualTo(1);
    log.finished();
    log.arrived();
    assertThat(log.maxInFlight()).isEqualTo(1);
    assertThat(log.requests()).isEmpty();
  }
}
