package io.linodejdbc.resource;

import java.util.Set;

/** The areas a token scope may name ({@code area:read_only} / {@code area:read_write}). */
final class TokenScopes {
  private TokenScopes() {}

  /** As the API documents them. */
  static final Set<String> AREAS = Set.of(
      "account", "databases", "domains", "events", "firewall", "images", "ips", "linodes", "lke",
      "longview", "nodebalancers", "object_storage", "stackscripts", "volumes", "vpc");
}
