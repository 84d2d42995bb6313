package io.linodejdbc.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The files in {@code sql-examples/}: statements ending with ';' at the end of a line, each
 * preceded by an {@code -- expect: …} line that its test checks.
 */
public final class SqlExampleScript {
  private SqlExampleScript() {}

  /** One statement, its expectations, and the line it starts on. */
  public record Example(String sql, String expect, int line) {}

  /** Statements end with ';' at the end of a line; {@code -- expect:} applies to the next one. */
  public static List<Example> parse(String script) {
    List<Example> out = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    String expect = "";
    int start = 0;
    String[] lines = script.split("\\R", -1);
    for (int i = 0; i < lines.length; i++) {
      String trimmed = lines[i].trim();
      if (trimmed.startsWith("--")) {
        String body = trimmed.substring(2).trim();
        if (body.startsWith("expect:")) {
          expect = body.substring("expect:".length()).trim();
        }
        continue;
      }
      if (trimmed.isEmpty() && sql.length() == 0) {
        continue;
      }
      if (sql.length() == 0) {
        start = i + 1;
      }
      sql.append(lines[i]).append('\n');
      if (trimmed.endsWith(";")) {
        String stmt = sql.toString().trim();
        out.add(new Example(stmt.substring(0, stmt.length() - 1).trim(), expect, start));
        sql.setLength(0);
        expect = "";
      }
    }
    if (sql.toString().trim().length() > 0) {
      throw new IllegalArgumentException("statement at line " + start + " does not end with ';'");
    }
    return out;
  }
}
