package io.linodejdbc.sandbox;

import java.util.Set;

/**
 * Validates OAuth scope strings: {@code *}, or space-separated {@code area:read_only} /
 * {@code area:read_write} over the API's areas.
 *
 * <p>Strict on purpose (single spaces, known areas, no repeated area) so that the driver's
 * INSERT validation is exercised; the sandbox does not check that new scopes stay within the
 * acting token's scopes.
 */
final class Scopes {

  /** The areas a scope may name. */
  static final Set<String> AREAS = Set.of(
      "account", "databases", "domains", "events", "firewall", "images", "ips", "linodes", "lke",
      "longview", "nodebalancers", "object_storage", "stackscripts", "volumes", "vpc");

  private Scopes() {}

  /** Whether {@code scopes} is a valid scope string. */
  static boolean isValid(String scopes) {
    if (scopes == null || scopes.isEmpty()) {
      return false;
    }
    if (scopes.equals("*")) {
      return true;
    }
    Set<String> seen = new java.util.HashSet<>();
    for (String scope : scopes.split(" ", -1)) {
      int colon = scope.indexOf(':');
      if (colon < 0) {
        return false;
      }
      String area = scope.substring(0, colon);
      String level = scope.substring(colon + 1);
      if (!AREAS.contains(area) || !(level.equals("read_only") || level.equals("read_write"))
          || !seen.add(area)) {
        return false;
      }
    }
    return true;
  }
}
