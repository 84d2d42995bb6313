package io.linodejdbc.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decodes a raw URL query into parameters.
 *
 * <p>The first occurrence of a repeated parameter wins; a parameter without {@code =} has an
 * empty value. Malformed percent-escapes are kept literally rather than failing, because a
 * request log must be able to show whatever a client sent.
 */
final class QueryString {

  private QueryString() {}

  /** The decoded parameters in order of first appearance; empty for {@code null}. */
  static Map<String, String> parse(String rawQuery) {
    Map<String, String> params = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return Collections.unmodifiableMap(params);
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.putIfAbsent(name, value);
    }
    return Collections.unmodifiableMap(params);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }
}
