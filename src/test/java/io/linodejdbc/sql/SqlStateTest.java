package io.linodejdbc.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SqlStateTest {
  @Test void everyCodeIsFiveCharactersAndNamedOnce() {
    List<String> codes = Arrays.stream(SqlState.values()).map(SqlState::code).toList();
    assertThat(codes).allMatch(c -> c.matches("[0-9A-Z]{5}")).doesNotHaveDuplicates();
  }

  /**
   * Pools evict a connection on 0A000 and class 08: only connection-level states may use them
   * (08P01 is the wire-protocol server's, which ends that client's session and no pool's).
   */
  @Test void onlyConnectionAndFeatureStatesUseTheClassesPoolsEvictOn() {
    Set<SqlState> evicting = Arrays.stream(SqlState.values())
        .filter(s -> s.code().startsWith("08") || s.code().equals("0A000"))
        .collect(Collectors.toSet());
    assertThat(evicting).containsExactlyInAnyOrder(SqlState.UNABLE_TO_CONNECT,
        SqlState.CONNECTION_FAILURE, SqlState.FEATURE_NOT_SUPPORTED, SqlState.PROTOCOL_VIOLATION);
  }

  @Test void noSourceFileSpellsAStateItself() throws IOException {
    Set<String> codes = Arrays.stream(SqlState.values()).map(SqlState::code)
        .collect(Collectors.toSet());
    Pattern literal = Pattern.compile("\"([0-9A-Z]{5})\"");
    List<String> offenders = new ArrayList<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        if (file.getFileName().toString().equals("SqlState.java")) {
          continue;
        }
        Matcher m = literal.matcher(Files.readString(file));
        while (m.find()) {
          if (codes.contains(m.group(1))) {
            offenders.add(file + ": " + m.group());
          }
        }
      }
    }
    assertThat(offenders).isEmpty();
  }
}
