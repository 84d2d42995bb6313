package io.linodejdbc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated PUT body. Immutable.
 *
 * <p>Only {@code label} may change; it must be a 1..100 character string (JSON {@code null} is a
 * 400: the API does not let a label be cleared). Read-only fields ({@code id}, {@code scopes},
 * {@code created}, {@code expiry}, {@code token}) are accepted and ignored when they equal the
 * token's current value as the API would show it (so a client may send back an object it read,
 * {@code token} as the prefix or full secret), and rejected with a 400 "… cannot be changed"
 * otherwise, so an attempt to change them never silently does nothing. Unknown fields are a 400.
 * An empty object changes nothing.
 *
 * @param label the new label, empty to keep the current one
 */
record UpdateTokenRequest(Optional<String> label) {

  UpdateTokenRequest {
    Objects.requireNonNull(label, "label");
  }

  /**
   * Validates a body against the token it would change.
   *
   * @throws ApiException 400 on an invalid label, a changed read-only field or an unknown field
   */
  static UpdateTokenRequest from(ObjectNode body, SandboxToken current) {
    String label = null;
    Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      switch (name) {
        case "label" -> label = Labels.read(value);
        case "id" -> requireUnchanged(name, value.isInt() && value.asInt() == current.id());
        case "scopes" -> requireUnchanged(name, sameText(value, current.scopes()));
        case "created" -> requireUnchanged(name, sameText(value, ApiDates.format(current.created())));
        case "expiry" -> requireUnchanged(name, sameText(value, ApiDates.format(current.expiry())));
        case "token" -> requireUnchanged(name,
            sameText(value, current.prefix()) || sameText(value, current.secret()));
        default -> throw ApiException.badRequest("Unknown field", name);
      }
    }
    return new UpdateTokenRequest(Optional.ofNullable(label));
  }

  private static boolean sameText(JsonNode value, String expected) {
    return expected == null ? value.isNull() : value.isTextual() && value.asText().equals(expected);
  }

  private static void requireUnchanged(String field, boolean unchanged) {
    if (!unchanged) {
      throw ApiException.badRequest(field + " cannot be changed", field);
    }
  }
}
