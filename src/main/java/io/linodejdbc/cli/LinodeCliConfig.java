package io.linodejdbc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The token of linode-cli's own configuration, for users who already set up the official CLI:
 * {@code $XDG_CONFIG_HOME/linode-cli} (default {@code ~/.config/linode-cli}, formerly
 * {@code ~/.linode-cli}), an INI file whose {@code [DEFAULT]} section names the
 * {@code default-user}, whose own section holds its {@code token}.
 */
final class LinodeCliConfig {
  private LinodeCliConfig() {}

  /**
   * The candidate files, in the order linode-cli itself looks; none without {@code HOME} (the
   * environment given is the whole truth, so tests see no stray configuration).
   */
  static List<Path> files(Map<String, String> env) {
    String home = env.get("HOME");
    String xdg = env.get("XDG_CONFIG_HOME");
    if (home == null || home.isBlank()) {
      return xdg == null || xdg.isBlank() ? List.of() : List.of(Path.of(xdg, "linode-cli"));
    }
    Path config = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config");
    return List.of(config.resolve("linode-cli"), Path.of(home, ".linode-cli"));
  }

  /** The default user's token, or null when there is no readable configuration with one. */
  static @Nullable String token(Map<String, String> env) {
    for (Path file : files(env)) {
      if (Files.isReadable(file)) {
        try {
          return token(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The default user's token in an INI text, or null. */
  static @Nullable String token(String ini) {
    Map<String, Map<String, String>> sections = parse(ini);
    Map<String, String> defaults = sections.getOrDefault("DEFAULT", Map.of());
    String user = defaults.get("default-user");
    if (user != null && sections.containsKey(user)) {
      String token = sections.get(user).get("token");
      if (token != null && !token.isBlank()) {
        return token.trim();
      }
    }
    String token = defaults.get("token");
    return token == null || token.isBlank() ? null : token.trim();
  }

  private static Map<String, Map<String, String>> parse(String ini) {
    Map<String, Map<String, String>> sections = new HashMap<>();
    Map<String, String> current = null;
    for (String raw : ini.split("\\R")) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        current = sections.computeIfAbsent(line.substring(1, line.length() - 1).strip(),
            k -> new HashMap<>());
        continue;
      }
      int eq = indexOfSeparator(line);
      if (current != null && eq > 0) {
        current.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT),
            line.substring(eq + 1).strip());
      }
    }
    return sections;
  }

  private static int indexOfSeparator(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }
}
