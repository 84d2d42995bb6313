package io.linodejdbc.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The session and transaction statements the server answers itself, because the driver has no
 * equivalent: {@code SET}, {@code SHOW} of a setting, {@code RESET}, {@code DISCARD},
 * {@code BEGIN}/{@code START TRANSACTION}, {@code COMMIT}/{@code END}, {@code ROLLBACK}/
 * {@code ABORT}, {@code SAVEPOINT}, {@code RELEASE}, {@code DEALLOCATE}, {@code UNLISTEN}.
 * Recognised from the statement's tokens; everything else goes to the driver (including
 * StackQL's {@code SHOW SERVICES}/{@code RESOURCES}/{@code METHODS}).
 */
record ServerCommand(Kind kind, String name, String value, String tag) {
  enum Kind { SET, SHOW, RESET, DISCARD, BEGIN, COMMIT, ROLLBACK, SET_TRANSACTION, DEALLOCATE, OTHER }

  /** The server command this statement is, or null for a statement of the driver. */
  static ServerCommand of(String sql) {
    List<String> t = tokens(sql);
    if (t.isEmpty()) {
      return null;
    }
    String first = t.get(0).toLowerCase(Locale.ROOT);
    switch (first) {
    case "set":
      return set(t);
    case "show":
      return show(t);
    case "reset":
      if (t.size() >= 2 && !t.get(1).equalsIgnoreCase("all")) {
        return new ServerCommand(Kind.RESET, words(t, 1), null, "RESET");
      }
      return new ServerCommand(Kind.RESET, null, null, "RESET");
    case "discard":
      String what = t.size() >= 2 ? t.get(1).toLowerCase(Locale.ROOT) : "all";
      return new ServerCommand(Kind.DISCARD, what, null,
          "DISCARD " + what.toUpperCase(Locale.ROOT));
    case "begin":
    case "start":
      if (first.equals("start") && (t.size() < 2 || !t.get(1).equalsIgnoreCase("transaction"))) {
        return null;
      }
      return new ServerCommand(Kind.BEGIN, null, accessMode(t), first.equals("begin") ? "BEGIN"
          : "START TRANSACTION");
    case "commit":
    case "end":
      return new ServerCommand(Kind.COMMIT, null, null, "COMMIT");
    case "rollback":
    case "abort":
      if (t.size() >= 2 && t.get(1).equalsIgnoreCase("to")) {
        return new ServerCommand(Kind.OTHER, null, null, "ROLLBACK");
      }
      return new ServerCommand(Kind.ROLLBACK, null, null, "ROLLBACK");
    case "savepoint":
      return new ServerCommand(Kind.OTHER, null, null, "SAVEPOINT");
    case "release":
      return new ServerCommand(Kind.OTHER, null, null, "RELEASE");
    case "unlisten":
      return new ServerCommand(Kind.OTHER, null, null, "UNLISTEN");
    case "deallocate": {
      int i = t.size() >= 2 && t.get(1).equalsIgnoreCase("prepare") ? 2 : 1;
      if (i >= t.size() || t.get(i).equalsIgnoreCase("all")) {
        return new ServerCommand(Kind.DEALLOCATE, null, null, "DEALLOCATE ALL");
      }
      return new ServerCommand(Kind.DEALLOCATE, unquote(t.get(i)), null, "DEALLOCATE");
    }
    default:
      return null;
    }
  }

  /** {@code "read only"}, {@code "read write"} or null: the access mode a statement names. */
  private static String accessMode(List<String> t) {
    for (int i = 0; i + 1 < t.size(); i++) {
      if (t.get(i).equalsIgnoreCase("read")) {
        if (t.get(i + 1).equalsIgnoreCase("only")) {
          return "read only";
        }
        if (t.get(i + 1).equalsIgnoreCase("write")) {
          return "read write";
        }
      }
    }
    return null;
  }

  private static ServerCommand set(List<String> t) {
    int i = 1;
    if (i < t.size() && (t.get(i).equalsIgnoreCase("session") || t.get(i).equalsIgnoreCase("local"))) {
      i++;
      if (i < t.size() && t.get(i).equalsIgnoreCase("characteristics")) {
        return new ServerCommand(Kind.OTHER, null, null, "SET");
      }
    }
    if (i < t.size() && t.get(i).equalsIgnoreCase("transaction")) {
      // the access mode applies to the transaction; the isolation level has nothing to set
      return new ServerCommand(Kind.SET_TRANSACTION, null, accessMode(t), "SET");
    }
    if (i + 1 < t.size() && t.get(i).equalsIgnoreCase("time")
        && t.get(i + 1).equalsIgnoreCase("zone")) {
      String value = words(t, i + 2);
      return new ServerCommand(Kind.SET, "timezone", value.equalsIgnoreCase("local")
          || value.equalsIgnoreCase("default") ? "UTC" : value, "SET");
    }
    if (i < t.size() && t.get(i).equalsIgnoreCase("names")) {
      return new ServerCommand(Kind.SET, "client_encoding", words(t, i + 1), "SET");
    }
    if (i + 2 > t.size()) {
      return null; // not a SET the server knows; the driver reports the syntax error
    }
    String name = unquote(t.get(i));
    int v = i + 1;
    while (v < t.size() && t.get(v).equals(".")) {
      name = name + "." + unquote(t.get(v + 1 < t.size() ? v + 1 : v));
      v += 2;
    }
    if (v < t.size() && (t.get(v).equalsIgnoreCase("to") || t.get(v).equals("="))) {
      v++;
    }
    String value = words(t, v);
    if (value.equalsIgnoreCase("default")) {
      return new ServerCommand(Kind.RESET, name, null, "SET");
    }
    return new ServerCommand(Kind.SET, name, value, "SET");
  }

  private static ServerCommand show(List<String> t) {
    if (t.size() < 2) {
      return null;
    }
    String rest = words(t, 1).toLowerCase(Locale.ROOT);
    switch (rest) {
    case "all":
      return new ServerCommand(Kind.SHOW, "all", null, "SHOW");
    case "time zone":
      return new ServerCommand(Kind.SHOW, "timezone", null, "SHOW");
    case "transaction isolation level":
      return new ServerCommand(Kind.SHOW, "transaction_isolation", null, "SHOW");
    default:
      // One name only: StackQL's SHOW SERVICES / RESOURCES / METHODS … belong to the driver.
      if (t.size() == 2 && !List.of("services", "resources", "methods")
          .contains(t.get(1).toLowerCase(Locale.ROOT))) {
        return new ServerCommand(Kind.SHOW, unquote(t.get(1)), null, "SHOW");
      }
      return null;
    }
  }

  /** Tokens from {@code from} joined as the value of a setting ({@code a, b} kept as a list). */
  private static String words(List<String> t, int from) {
    StringBuilder b = new StringBuilder();
    for (int i = from; i < t.size(); i++) {
      String w = t.get(i);
      if (w.equals(",")) {
        b.append(", ");
        continue;
      }
      if (b.length() > 0 && !b.toString().endsWith(", ")) {
        b.append(' ');
      }
      b.append(unquote(w));
    }
    return b.toString();
  }

  private static String unquote(String w) {
    if (w.length() >= 2 && w.startsWith("'") && w.endsWith("'")) {
      return w.substring(1, w.length() - 1).replace("''", "'");
    }
    if (w.length() >= 3 && (w.startsWith("E'") || w.startsWith("e'")) && w.endsWith("'")) {
      return w.substring(2, w.length() - 1).replace("''", "'").replace("\\\\", "\\");
    }
    if (w.length() >= 2 && w.startsWith("\"") && w.endsWith("\"")) {
      return w.substring(1, w.length() - 1).replace("\"\"", "\"");
    }
    return w.toLowerCase(Locale.ROOT).equals(w) ? w : w;
  }

  /** Words, quoted strings, numbers and single punctuation characters; comments skipped. */
  static List<String> tokens(String sql) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int skip = SqlText.skipQuoted(sql, i);
      if (skip > i) {
        if (c == '\'' || c == '"') {
          boolean e = !out.isEmpty() && i > 0 && (sql.charAt(i - 1) == 'E'
              || sql.charAt(i - 1) == 'e') && out.get(out.size() - 1).equalsIgnoreCase("e");
          if (e) {
            out.remove(out.size() - 1);
            out.add("E" + sql.substring(i, skip));
          } else {
            out.add(sql.substring(i, skip));
          }
        }
        i = skip;
        continue;
      }
      if (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '+' || c == '/') {
        int j = i + 1;
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
            || sql.charAt(j) == '-' || sql.charAt(j) == '/' || sql.charAt(j) == ':'
            || (sql.charAt(j) == '.' && j + 1 < n && Character.isDigit(sql.charAt(j + 1))))) {
          j++;
        }
        out.add(sql.substring(i, j));
        i = j;
        continue;
      }
      out.add(String.valueOf(c));
      i++;
    }
    return out;
  }
}
