package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SandboxMainTest {

  @Test
  void printsBaseUrlAndActingTokenAndServesTheDemoByDefault() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (SandboxServer server = SandboxMain.launch(new String[] {"--latency-ms", "1", "--case-insensitive"},
        new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      String out = bytes.toString(StandardCharsets.UTF_8);
      assertThat(out).contains("baseUrl=" + server.baseUrl()).contains("actingToken=" + server.actingToken());
      assertThat(server.store().all()).isEqualTo(SampleData.demo());
      TestHttp http = new TestHttp(server);
      assertThat(http.list(null, "{\"label\":\"TERRAFORM\"}").json().get("results").asInt()).isEqualTo(1);
    }
  }

  @Test
  void loadsBulkTokens() {
    try (SandboxServer server = SandboxMain.launch(new String[] {"--tokens", "300", "--port", "0"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
      assertThat(server.store().all()).hasSize(300);
    }
  }

  @Test
  void rejectsBadArguments() {
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    for (String[] args : new String[][] {{"--nope"}, {"--port"}, {"--port", "x"}, {"--tokens", "-1"},
        {"--demo", "--tokens", "5"}}) {
      assertThatThrownBy(() -> SandboxMain.launch(args, out)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
