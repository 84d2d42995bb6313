package io.linodejdbc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Validates a label sent in a POST or PUT body: a JSON string of 1 to 100 characters.
 *
 * <p>Length counts Unicode code points (as the API's Python back end counts), so an emoji is one
 * character.
 */
final class Labels {

  static final int MAX_LENGTH = 100;

  private Labels() {}

  /**
   * The label in {@code node}.
   *
   * @throws ApiException 400 with field {@code label} when it is not a 1..100 character string
   */
  static String read(JsonNode node) {
    if (!node.isTextual()) {
      throw ApiException.badRequest("label must be a string", "label");
    }
    String label = node.asText();
    int length = label.codePointCount(0, label.length());
    if (length < 1 || length > MAX_LENGTH) {
      throw ApiException.badRequest("Length must be 1-" + MAX_LENGTH + " characters", "label");
    }
    return label;
  }
}
