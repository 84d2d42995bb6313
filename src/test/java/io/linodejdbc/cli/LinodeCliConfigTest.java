package io.linodejdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinodeCliConfigTest {
  private static final String INI = """
      [DEFAULT]
      default-user = alice

      [alice]
      token = alice-token-123
      region = us-east

      [bob]
      token = bob-token-456
      """;

  @Test void theDefaultUsersTokenIsRead() {
    assertThat(LinodeCliConfig.token(INI)).isEqualTo("alice-token-123");
  }

  @Test void noDefaultUserAndNoTokenGivesNone() {
    assertThat(LinodeCliConfig.token("[bob]\ntoken = x\n")).isNull();
    assertThat(LinodeCliConfig.token("[DEFAULT]\ndefault-user = carol\n")).isNull();
  }

  @Test void theFileIsFoundUnderXdgConfigHomeOrHome(@TempDir Path home) throws Exception {
    Path config = home.resolve(".config");
    Files.createDirectories(config);
    Files.writeString(config.resolve("linode-cli"), INI);
    assertThat(LinodeCliConfig.token(Map.of("HOME", home.toString()))).isEqualTo("alice-token-123");
    Path xdg = home.resolve("xdg");
    Files.createDirectories(xdg);
    Files.writeString(xdg.resolve("linode-cli"), "[DEFAULT]\ndefault-user = bob\n[bob]\ntoken = b\n");
    assertThat(LinodeCliConfig.token(Map.of("HOME", home.toString(), "XDG_CONFIG_HOME",
        xdg.toString()))).isEqualTo("b");
    assertThat(LinodeCliConfig.token(Map.of("HOME", home.resolve("nowhere").toString())))
        .isNull();
  }
}
