package io.linodejdbc.sql.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Writes}, the one entry point of {@code sql.write} for {@code jdbc}: its options, the
 * checking twin a transaction uses, batch progress and the partial failure of a write.
 */
class WritesTest {
  @Test void optionsAndTheCheckingVariant() {
    Writes writes = new Writes(new WriteOptions(true, true, false));
    assertThat(writes.dryRun()).isFalse();
    assertThat(writes.extension()).isInstanceOf(WritePlanner.class);
    Writes checking = writes.checking();
    assertThat(checking.dryRun()).isTrue();
    assertThat(checking.toString()).isEqualTo("WritesWriteOptions[allowFullTableDml=true,"
        + " allowRevokeSelf=true, dryRun=true]");
    assertThat(new Writes(WriteOptions.DEFAULTS).checking().toString())
        .contains("allowFullTableDml=false", "allowRevokeSelf=false", "dryRun=true");
    assertThat(new Writes(WriteOptions.DEFAULTS).dryRun()).isFalse();
  }

  @Test void progressIsRecordedPerThreadAndNested() throws Exception {
    WriteProgress.completed(99); // nobody records: dropped
    try (WriteProgress outer = Writes.recordProgress()) {
      WriteProgress.completed(1);
      try (WriteProgress inner = Writes.recordProgress()) {
        WriteProgress.completed(2);
        WriteProgress.completed(0);
        Thread other = new Thread(() -> WriteProgress.completed(7));
        other.start();
        other.join();
        assertThat(inner.counts()).containsExactly(2L, 0L);
      }
      WriteProgress.completed(3);
      assertThat(outer.counts()).containsExactly(1L, 3L);
    }
  }

  @Test void thePartialFailureIsFoundAmongTheCauses() {
    IllegalStateException api = new IllegalStateException("HTTP 500");
    WriteFailure failure = new WriteFailure("DELETE", 2, 3, "serial", List.of(4, 5), api, "");
    assertThat(failure).hasMessage("DELETE stopped after 2 of 3 row(s) (already applied to"
        + " serial [4, 5]): HTTP 500");
    SQLException wrapped = new SQLException("Error while executing",
        new RuntimeException("Calcite", failure));
    assertThat(Writes.partialFailure(wrapped)).isSameAs(failure);
    assertThat(Writes.partialFailure(api)).isNull();
    assertThat(Writes.partialFailure(new SQLException("plain"))).isNull();
  }
}
