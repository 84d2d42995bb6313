package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CancelScopeTest {

  @Test
  void sleepReturnsTrueWhenTheTimePasses() {
    long start = System.nanoTime();
    assertThat(CancelScope.root().sleep(TimeUnit.MILLISECONDS.toNanos(120))).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(120));
  }

  @Test
  void cancellingAParentWakesASleepingChild() throws Exception {
    CancelScope root = CancelScope.root();
    CancelScope child = root.child();
    CompletableFuture<Boolean> slept = CompletableFuture.supplyAsync(() -> child.sleep(TimeUnit.HOURS.toNanos(1)));
    Thread.sleep(100);
    root.cancel();
    assertThat(slept.get(30, TimeUnit.SECONDS)).isFalse();
    assertThat(child.isCancelled()).isTrue();
  }

  @Test
  void childOfACancelledScopeStartsCancelled() {
    CancelScope root = CancelScope.root();
    root.cancel();
    assertThat(root.child().isCancelled()).isTrue();
  }

  @Test
  void cancellingAChildLeavesTheParentUsable() {
    CancelScope root = CancelScope.root();
    root.child().cancel();
    assertThat(root.isCancelled()).isFalse();
  }

  @Test
  void permitWaitIsAbortedByCancel() throws Exception {
    Semaphore permits = new Semaphore(0);
    CancelScope scope = CancelScope.root();
    CompletableFuture<Boolean> acquired = CompletableFuture.supplyAsync(() -> scope.acquire(permits));
    Thread.sleep(100);
    scope.cancel();
    assertThat(acquired.get(30, TimeUnit.SECONDS)).isFalse();
    assertThat(permits.availablePermits()).isZero();
  }

  @Test
  void permitIsAcquiredWhenFree() {
    Semaphore permits = new Semaphore(1);
    assertThat(CancelScope.root().acquire(permits)).isTrue();
    assertThat(permits.availablePermits()).isZero();
  }
}
