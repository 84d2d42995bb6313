package io.linodejdbc.sql;

import org.checkerframework.checker.nullness.qual.Nullable;

/** Reading SQL LIKE patterns for the {@code +contains} pre-filter. */
final class LikePatterns {
  private LikePatterns() {}

  /**
   * The longest run of literal characters in a LIKE pattern: every row the pattern matches
   * contains it. Wildcards ({@code %}, {@code _}) end a run; an escaped wildcard is literal.
   * Backslashes also end a run, because some servers treat them as escapes in their own LIKE, and
   * then containment would no longer be a superset. So does the Greek sigma: lower-casing it
   * depends on its position in a word (Σ becomes ς at the end, σ elsewhere), so a server that
   * compares lower-cased text could find "ΑΣ" in "ΑΣΑ" no more.
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
      if (c == '\\' || c == '\u03A3' || c == '\u03C3' || c == '\u03C2') {
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
