package io.linodejdbc.sql;

import org.checkerframework.checker.nullness.qual.Nullable;

/** Reading SQL LIKE patterns for the {@code +contains} pre-filter. */
final class LikePatterns {
  private LikePatterns() {}

  /**
   * The longest run of literal characters in a LIKE pattern: every row the pattern matches
   * contains it. Wildcards ({@code %}, {@code _}) end a run; an escaped wildcard is literal.
   * Backslashes also end a run, because some servers treat them as escapes in their own LIKE, and
   * then containment would no longer be a superset.
   */
  static String longestLiteralRun(String pattern, @Nullable Character escape) {
    String best = "";
    StringBuilder run = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (escape != null && c == escape && i + 1 < pattern.length()) {
        c = pattern.charAt(++i);
      } else if (c == '%' || c == '_') {
        best = longer(best, run);
        run.setLength(0);
        continue;
      }
      if (c == '\\') {
        best = longer(best, run);
        run.setLength(0);
        continue;
      }
      run.append(c);
    }
    return longer(best, run);
  }

  private static String longer(String best, StringBuilder run) {
    return run.length() > best.length() ? run.toString() : best;
  }
}
