package io.linodejdbc.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a query corpus: statements ended by {@code ;} at the end of a line or by a blank line;
 * lines starting with {@code --} are comments; {@code -- @ordered} marks the next query's rows as
 * compared in order.
 */
public final class Corpus {
  private Corpus() {}

  /** One query of the corpus. */
  public record Query(int line, String sql, boolean ordered) {
    public String name() {
      String oneLine = sql.replaceAll("\\s+", " ");
      return "line " + line + ": " + (oneLine.length() > 150 ? oneLine.substring(0, 150) + "…" : oneLine);
    }
  }

  public static List<Query> load(String resource) {
    InputStream in = Corpus.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("corpus resource missing: " + resource);
    }
    List<Query> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      StringBuilder sql = new StringBuilder();
      boolean ordered = false;
      int start = 0;
      int lineNo = 0;
      String line;
      while ((line = r.readLine()) != null) {
        lineNo++;
        String t = line.strip();
        if (t.startsWith("--")) {
          if (t.substring(2).strip().equals("@ordered")) {
            ordered = true;
          }
          continue;
        }
        if (t.isEmpty()) {
          if (sql.length() > 0) {
            out.add(new Query(start, sql.toString().strip(), ordered));
            sql.setLength(0);
            ordered = false;
          }
          continue;
        }
        if (sql.length() == 0) {
          start = lineNo;
        }
        boolean end = t.endsWith(";");
        sql.append(end ? line.substring(0, line.lastIndexOf(';')) : line).append('\n');
        if (end) {
          out.add(new Query(start, sql.toString().strip(), ordered));
          sql.setLength(0);
          ordered = false;
        }
      }
      if (sql.length() > 0) {
        out.add(new Query(start, sql.toString().strip(), ordered));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
