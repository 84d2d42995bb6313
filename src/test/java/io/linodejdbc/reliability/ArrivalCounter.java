package io.linodejdbc.reliability;

import io.linodejdbc.sandbox.Fault;
import io.linodejdbc.sandbox.FaultPlan;
import java.util.concurrent.atomic.AtomicInteger;

/** A fault plan that counts arriving requests and applies one fixed fault (or none) to each. */
final class ArrivalCounter implements FaultPlan {
  private final AtomicInteger arrivals = new AtomicInteger();
  private volatile Fault fault;

  ArrivalCounter(Fault fault) {
    this.fault = fault;
  }

  void setFault(Fault f) {
    fault = f;
  }

  int arrivals() {
    return arrivals.get();
  }

  @Override
  public Fault decide(FaultRequest request) {
    arrivals.incrementAndGet();
    return fault;
  }
}
