package io.linodejdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdkWarmUpTest {
  @Test void runsOnADaemonThreadThatEndsOnItsOwn() throws InterruptedException {
    Thread t = JdkWarmUp.start();
    assertThat(t.isDaemon()).as("never keeps the shell's process alive").isTrue();
    t.join(30_000);
    assertThat(t.isAlive()).isFalse();
  }
}
