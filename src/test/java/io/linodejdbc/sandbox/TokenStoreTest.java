package io.linodejdbc.sandbox;

import static io.linodejdbc.sandbox.Tokens.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TokenStoreTest {

  private final TokenStore store = new TokenStore(
      Clock.fixed(Instant.parse("2025-05-05T05:05:05.999Z"), ZoneOffset.UTC), Secrets.random());

  @Test
  void createAssignsIdsFromOneCreatedSecondAndSecret() {
    SandboxToken a = store.create("a", null, null);
    SandboxToken b = store.create(null, "linodes:read_only", LocalDateTime.parse("2030-01-01T00:00:00"));
    assertThat(a.id()).isEqualTo(1);
    assertThat(b.id()).isEqualTo(2);
    assertThat(a.scopes()).isEqualTo("*");
    assertThat(a.created()).isEqualTo(LocalDateTime.parse("2025-05-05T05:05:05"));
    assertThat(a.secret()).hasSize(64).isNotEqualTo(b.secret());
    assertThat(store.all()).containsExactly(a, b);
  }

  @Test
  void idsContinueAfterTheHighestAndAreNeverReused() {
    store.replaceAll(List.of(token(7, "x", "2020-01-01T00:00:00"), token(3, "y", "2020-01-01T00:00:00")));
    assertThat(store.all()).extracting(SandboxToken::id).containsExactly(3, 7);
    assertThat(store.create("z", null, null).id()).isEqualTo(8);
    assertThat(store.delete(8)).isTrue();
    assertThat(store.create("w", null, null).id()).isEqualTo(9);
  }

  @Test
  void relabelGetAndDelete() {
    store.create("a", null, null);
    assertThat(store.relabel(1, "b")).map(SandboxToken::label).contains("b");
    assertThat(store.get(1)).map(SandboxToken::label).contains("b");
    assertThat(store.relabel(2, "b")).isEmpty();
    assertThat(store.delete(1)).isTrue();
    assertThat(store.delete(1)).isFalse();
    assertThat(store.get(1)).isEmpty();
    assertThat(store.all()).isEmpty();
  }

  @Test
  void rememberRevokedSecretsUntilReplaced() {
    SandboxToken t = token(1, "self", "2020-01-01T00:00:00");
    store.replaceAll(List.of(t));
    assertThat(store.findBySecret(t.secret())).contains(t);
    store.delete(1);
    assertThat(store.isRevoked(t.secret())).isTrue();
    store.replaceAll(List.of(t));
    assertThat(store.isRevoked(t.secret())).isFalse();
  }

  @Test
  void replaceAllRejectsDuplicateIdsAndKeepsOldData() {
    store.create("keep", null, null);
    assertThatThrownBy(() -> store.replaceAll(List.of(token(1, "a", "2020-01-01T00:00:00"),
        token(1, "b", "2020-01-01T00:00:00")))).isInstanceOf(IllegalArgumentException.class);
    assertThat(store.all()).extracting(SandboxToken::label).containsExactly("keep");
  }

  @Test
  void allIsAnImmutableSnapshot() {
    store.create("a", null, null);
    List<SandboxToken> before = store.all();
    store.create("b", null, null);
    assertThat(before).hasSize(1);
    assertThatThrownBy(() -> before.add(before.get(0))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void concurrentCreatesGetDistinctIds() throws InterruptedException {
    Set<Integer> ids = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 800; i++) {
      pool.execute(() -> ids.add(store.create("x", null, null).id()));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ids).hasSize(800);
    assertThat(store.all()).hasSize(800);
  }
}
