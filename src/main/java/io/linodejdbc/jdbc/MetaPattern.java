package io.linodejdbc.jdbc;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A {@link java.sql.DatabaseMetaData} search pattern: {@code %} matches any run of characters,
 * {@code _} any one character, and {@code \} (our {@code getSearchStringEscape()}) makes the next
 * character literal, so {@code personal\_access\_tokens} (as DBeaver escapes names) matches only
 * itself. A null pattern matches everything; the empty pattern matches only the empty name (which
 * no object of ours has). Matching is case-sensitive: names are stored as they are quoted, and
 * unquoted names fold to lower case ({@code storesLowerCaseIdentifiers()}).
 */
final class MetaPattern {
  static final char ESCAPE = '\\';

  private final @Nullable String pattern;

  private MetaPattern(@Nullable String pattern) {
    this.pattern = pattern;
  }

  static MetaPattern of(@Nullable String pattern) {
    return new MetaPattern(pattern);
  }

  /** Whether {@code name} matches. */
  boolean matches(@Nullable String name) {
    if (pattern == null) {
      return true;
    }
    if (name == null) {
      return false;
    }
    return match(pattern, 0, name, 0);
  }

  /** Whether a catalog argument selects {@code catalog}: null selects all, "" those without one. */
  static boolean catalogMatches(@Nullable String argument, @Nullable String catalog) {
    if (argument == null) {
      return true;
    }
    if (argument.isEmpty()) {
      return catalog == null || catalog.isEmpty();
    }
    return argument.equals(catalog);
  }

  private static boolean match(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '%') {
        // Collapse runs of %, then try every split point.
        while (pi < p.length() && p.charAt(pi) == '%') {
          pi++;
        }
        if (pi == p.length()) {
          return true;
        }
        for (int k = si; k <= s.length(); k++) {
          if (match(p, pi, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length()) {
        return false;
      }
      if (c == '_') {
        pi++;
        si++;
        continue;
      }
      if (c == ESCAPE && pi + 1 < p.length()) {
        c = p.charAt(pi + 1);
        pi++;
      }
      if (s.charAt(si) != c) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }

  @Override public String toString() {
    return String.valueOf(pattern);
  }
}
