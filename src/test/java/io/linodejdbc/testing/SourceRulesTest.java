package io.linodejdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout rules the README's "Layout" section states, checked on the sources themselves: which
 * package may name which (imports and fully qualified names alike), and one line width.
 */
class SourceRulesTest {
  private static final Path MAIN = Path.of("src/main/java/io/linodejdbc");
  private static final Path TEST = Path.of("src/test/java/io/linodejdbc");
  private static final int LINE_WIDTH = 120;
  private static final Pattern PROJECT_NAME = Pattern.compile("io\\.linodejdbc\\.([a-z][a-z.]*?)\\.[A-Z]");

  /**
   * What each package may name besides itself. Arrows point down: {@code api}, {@code resource}
   * and {@code sandbox} know no SQL; {@code sql} (the adapter) knows neither the prepare hook, nor
   * its writes, nor JDBC;
   * {@code jdbc} reaches writes through {@code sql.write}'s one entry point.
   */
  private static final Map<String, Set<String>> MAY_NAME = Map.ofEntries(
      Map.entry("api", Set.of()),
      Map.entry("resource", Set.of()),
      Map.entry("sandbox", Set.of()),
      Map.entry("sql.parser", Set.of("sql")),
      Map.entry("sql", Set.of("api", "resource", "sql.parser", "sql.catalog")),
      Map.entry("sql.prepare", Set.of("api", "resource", "sql", "sql.parser", "sql.metadata")),
      Map.entry("sql.metadata", Set.of()),
      Map.entry("sql.catalog", Set.of("resource", "sql")),
      Map.entry("sql.write", Set.of("api", "resource", "sql", "sql.parser")),
      Map.entry("jdbc", Set.of("api", "resource", "sql", "sql.parser", "sql.prepare", "sql.write")),
      Map.entry("cli", Set.of("api", "resource", "sql", "jdbc", "sandbox", "server")),
      Map.entry("server", Set.of("api", "resource", "sql", "jdbc", "sandbox")));

  @Test void everyPackageNamesOnlyWhatItMay() {
    List<String> violations = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (Path file : javaFiles(MAIN)) {
      String pkg = MAIN.relativize(file.getParent()).toString().replace('/', '.');
      seen.add(pkg);
      Set<String> allowed = MAY_NAME.get(pkg);
      if (allowed == null) {
        violations.add(file + ": package " + pkg + " has no rule here; add it to MAY_NAME and the README");
        continue;
      }
      Matcher m = PROJECT_NAME.matcher(read(file));
      while (m.find()) {
        String target = m.group(1);
        if (!target.equals(pkg) && !allowed.contains(target)) {
          violations.add(file + " names " + target + " (" + pkg + " may name " + allowed + ")");
        }
      }
    }
    assertThat(violations).isEmpty();
    assertThat(seen).containsAll(MAY_NAME.keySet());
  }

  /** Text blocks hold data (SQL, expected messages), whose lines are as long as the data is. */
  @Test void noCodeLineIsWiderThanTheOneWidth() {
    List<String> wide = new ArrayList<>();
    for (Path root : List.of(MAIN, TEST)) {
      for (Path file : javaFiles(root)) {
        boolean inTextBlock = false;
        List<String> lines = List.of(read(file).split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          int quotes = count(line, "\"\"\"");
          if (!inTextBlock && line.length() > LINE_WIDTH) {
            wide.add(file + ":" + (i + 1) + " is " + line.length() + " characters");
          }
          if (quotes % 2 == 1) {
            inTextBlock = !inTextBlock;
          }
        }
      }
    }
    assertThat(wide).isEmpty();
  }

  private static int count(String s, String part) {
    int n = 0;
    for (int at = s.indexOf(part); at >= 0; at = s.indexOf(part, at + part.length())) {
      n++;
    }
    return n;
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
