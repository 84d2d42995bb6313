package io.linodejdbc.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The run-time parameters of one session ({@code SET}/{@code SHOW}/{@code RESET}): the ones
 * PostgreSQL reports to clients in {@code ParameterStatus} and the ones clients read with
 * {@code SHOW}. They change nothing in the driver (the API has no such settings); clients set
 * them on connect and expect them back.
 */
final class SessionSettings {
  /** Parameters PostgreSQL 15 reports with ParameterStatus at start and on change. */
  static final Set<String> REPORTED = Set.of("application_name", "client_encoding", "datestyle",
      "default_transaction_read_only", "in_hot_standby", "integer_datetimes", "intervalstyle",
      "is_superuser", "server_encoding", "server_version", "session_authorization",
      "standard_conforming_strings", "timezone");

  /** Names as PostgreSQL spells them in ParameterStatus and SHOW ALL. */
  private static final Map<String, String> DISPLAY = Map.of("datestyle", "DateStyle",
      "intervalstyle", "IntervalStyle", "timezone", "TimeZone");

  /** Values that cannot be changed. */
  private static final Set<String> FIXED = Set.of("server_version", "server_version_num",
      "server_encoding", "integer_datetimes", "is_superuser", "in_hot_standby",
      "max_identifier_length", "block_size", "lc_collate", "lc_ctype");

  private final Map<String, String> defaults = new LinkedHashMap<>();
  private final Map<String, String> values = new LinkedHashMap<>();

  SessionSettings(String serverVersion, String user) {
    defaults.put("application_name", "");
    defaults.put("client_encoding", "UTF8");
    defaults.put("datestyle", "ISO, MDY");
    defaults.put("default_transaction_read_only", "off");
    defaults.put("in_hot_standby", "off");
    defaults.put("integer_datetimes", "on");
    defaults.put("intervalstyle", "postgres");
    defaults.put("is_superuser", "off");
    defaults.put("server_encoding", "UTF8");
    defaults.put("server_version", serverVersion);
    defaults.put("server_version_num", "150000");
    defaults.put("session_authorization", user);
    defaults.put("standard_conforming_strings", "on");
    defaults.put("timezone", "UTC");
    defaults.put("search_path", "profile");
    defaults.put("transaction_isolation", "read committed");
    defaults.put("default_transaction_isolation", "read committed");
    defaults.put("transaction_read_only", "off");
    defaults.put("extra_float_digits", "1");
    defaults.put("max_identifier_length", "63");
    defaults.put("statement_timeout", "0");
    defaults.put("lock_timeout", "0");
    defaults.put("idle_in_transaction_session_timeout", "0");
    defaults.put("lc_collate", "C");
    defaults.put("lc_ctype", "C");
    defaults.put("lc_messages", "C");
    defaults.put("lc_monetary", "C");
    defaults.put("lc_numeric", "C");
    defaults.put("lc_time", "C");
    defaults.put("bytea_output", "hex");
    defaults.put("client_min_messages", "notice");
    defaults.put("row_security", "on");
    defaults.put("block_size", "8192");
    values.putAll(defaults);
  }

  static String key(String name) {
    String k = name.toLowerCase(Locale.ROOT);
    return k.equals("time zone") ? "timezone" : k;
  }

  static String display(String key) {
    return DISPLAY.getOrDefault(key, key);
  }

  String get(String name) {
    return values.get(key(name));
  }

  boolean known(String name) {
    return values.containsKey(key(name));
  }

  /**
   * Sets a parameter; an unknown name is kept as well (clients set their own, e.g.
   * {@code extra_float_digits}, {@code jit}), as PostgreSQL keeps dotted custom ones.
   *
   * @return whether clients must be told the new value (ParameterStatus)
   * @throws IllegalArgumentException with a message for a value this server cannot honour
   */
  boolean set(String name, String value) {
    String k = key(name);
    if (FIXED.contains(k)) {
      if (value.equalsIgnoreCase(values.get(k))) {
        return false;
      }
      throw new IllegalArgumentException("parameter \"" + name + "\" cannot be changed");
    }
    if (k.equals("client_encoding")) {
      String e = value.replace("-", "").toUpperCase(Locale.ROOT);
      if (!e.equals("UTF8") && !e.equals("UNICODE") && !e.equals("SQL_ASCII")) {
        throw new IllegalArgumentException("client_encoding " + value + " is not supported:"
            + " this server speaks UTF8 only");
      }
      value = "UTF8";
    }
    if (k.equals("datestyle") && !value.toUpperCase(Locale.ROOT).contains("ISO")) {
      throw new IllegalArgumentException("DateStyle " + value + " is not supported: dates are"
          + " sent in ISO format only");
    }
    if (k.equals("datestyle")) {
      value = "ISO, MDY";
    }
    if (k.equals("timezone")) {
      // Every column is a UTC time without zone; the setting is kept for clients that read it.
      value = value.equalsIgnoreCase("utc") || value.equalsIgnoreCase("etc/utc")
          || value.equalsIgnoreCase("gmt") || value.equals("Z") ? "UTC" : value;
    }
    values.put(k, value);
    return REPORTED.contains(k);
  }

  /** Resets one parameter to its default; returns whether clients must be told. */
  boolean reset(String name) {
    String k = key(name);
    String d = defaults.get(k);
    if (d == null) {
      values.remove(k);
      return false;
    }
    if (k.equals("application_name") || FIXED.contains(k)) {
      return false; // the startup value stays, as in PostgreSQL
    }
    values.put(k, d);
    return REPORTED.contains(k);
  }

  List<String> resetAll() {
    List<String> changed = new java.util.ArrayList<>();
    for (String k : List.copyOf(values.keySet())) {
      if (reset(k)) {
        changed.add(k);
      }
    }
    return changed;
  }

  Map<String, String> all() {
    return values;
  }
}
