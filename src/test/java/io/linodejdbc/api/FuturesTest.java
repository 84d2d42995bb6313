package io.linodejdbc.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.api.LinodeApiException.Kind;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class FuturesTest {

  @Test
  void valueAndOwnExceptionPassThrough() {
    assertThat(Futures.await(CompletableFuture.completedFuture("x"), "GET", "/p")).isEqualTo("x");
    LinodeApiException failure = LinodeApiException.builder(Kind.TIMEOUT, "GET", "/p").build();
    assertThatThrownBy(() -> Futures.await(CompletableFuture.failedFuture(failure), "GET", "/p")).isSameAs(failure);
  }

  @Test
  void cancellationBecomesKindCancelled() {
    CompletableFuture<String> f = new CompletableFuture<>();
    f.cancel(true);
    assertThatThrownBy(() -> Futures.await(f, "GET", "/p?page=2"))
        .isInstanceOfSatisfying(LinodeApiException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.CANCELLED);
          assertThat(e.path()).isEqualTo("/p?page=2");
        });
  }
}
