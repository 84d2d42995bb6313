package io.linodejdbc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.Map;

/**
 * A validated POST body. Immutable.
 *
 * <p>Rules: only {@code label}, {@code expiry} and {@code scopes} are allowed, all optional and
 * each may be JSON {@code null} (meaning omitted). {@code label} is 1..100 characters;
 * {@code expiry} is {@code YYYY-MM-DDTHH:MM:SS} strictly after now (null = never expires, stored
 * as null rather than the far-future date the real API has been seen to return); {@code scopes} is
 * {@code *} or valid scopes (omitted = {@code *}). Any violation is a 400 naming the field.
 *
 * @param label the label or {@code null}
 * @param scopes the scopes, never {@code null}
 * @param expiry the expiry or {@code null}
 */
record CreateTokenRequest(String label, String scopes, LocalDateTime expiry) {

  /**
   * Validates a body.
   *
   * @param body the parsed body
   * @param now the current time, for the "expiry in the future" rule
   * @throws ApiException 400 on any invalid or unknown field
   */
  static CreateTokenRequest from(ObjectNode body, LocalDateTime now) {
    String label = null;
    String scopes = "*";
    LocalDateTime expiry = null;
    Iterator<Map.Entry<String, JsonNode>> fields = body.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      switch (field.getKey()) {
        case "label" -> label = value.isNull() ? null : Labels.read(value);
        case "scopes" -> {
          if (!value.isNull()) {
            if (!value.isTextual() || !Scopes.isValid(value.asText())) {
              throw ApiException.badRequest("Invalid scopes", "scopes");
            }
            scopes = value.asText();
          }
        }
        case "expiry" -> {
          if (!value.isNull()) {
            expiry = ApiDates.parse(value.isTextual() ? value.asText() : null)
                .orElseThrow(() -> ApiException.badRequest(
                    "expiry must be a date-time like 2030-01-31T23:59:59", "expiry"));
            if (!expiry.isAfter(now)) {
              throw ApiException.badRequest("expiry must be in the future", "expiry");
            }
          }
        }
        default -> throw ApiException.badRequest("Unknown field", field.getKey());
      }
    }
    return new CreateTokenRequest(label, scopes, expiry);
  }
}
