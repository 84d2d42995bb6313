package io.linodejdbc.sandbox;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The sandbox's JSON wire format: how token objects and error envelopes look, and how request
 * JSON (bodies and {@code X-Filter}) is read.
 *
 * <p>Reading is strict (duplicate keys and trailing garbage are errors) so that a driver sending
 * sloppy JSON fails here rather than being silently "understood".
 */
final class Json {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private Json() {}

  /** Parses text that must be one JSON object; otherwise a 400 naming {@code field}. */
  static ObjectNode parseObject(String text, String what, String field) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(what + " is not valid JSON", field);
    }
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest(what + " must be a JSON object", field);
    }
    return (ObjectNode) node;
  }

  /**
   * Renders a token object in the API's field order. {@code fullSecret} is true only for the POST
   * response: everywhere else the API shows the 16-character prefix.
   */
  static ObjectNode token(SandboxToken token, boolean fullSecret) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", token.id());
    node.put("label", token.label());
    node.put("scopes", token.scopes());
    node.put("created", ApiDates.format(token.created()));
    node.put("expiry", ApiDates.format(token.expiry()));
    node.put("token", fullSecret ? token.secret() : token.prefix());
    return node;
  }

  /** A list page in the API's envelope. */
  static ObjectNode page(List<SandboxToken> data, int page, int pages, int results) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode array = node.putArray("data");
    data.forEach(t -> array.add(token(t, false)));
    node.put("page", page);
    node.put("pages", pages);
    node.put("results", results);
    return node;
  }

  /**
   * {@link #bytes} of {@link #page}, written token by token without building the tree: the same
   * bytes (the same generator writes the same members in the same order), at a fraction of the
   * work.
   */
  static byte[] pageBytes(List<SandboxToken> data, int page, int pages, int results) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256 + 160 * data.size());
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("data");
      for (SandboxToken t : data) {
        g.writeStartObject();
        g.writeNumberField("id", t.id());
        g.writeStringField("label", t.label());
        g.writeStringField("scopes", t.scopes());
        g.writeStringField("created", ApiDates.format(t.created()));
        g.writeStringField("expiry", ApiDates.format(t.expiry()));
        g.writeStringField("token", t.prefix());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("page", page);
      g.writeNumberField("pages", pages);
      g.writeNumberField("results", results);
      g.writeEndObject();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot write a page to memory", e);
    }
    return out.toByteArray();
  }

  /** The error envelope; {@code field} is omitted when null, as the API does for general errors. */
  static ObjectNode errors(List<ApiError> errors) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode array = node.putArray("errors");
    for (ApiError error : errors) {
      ObjectNode entry = array.addObject();
      entry.put("reason", error.reason());
      if (error.field() != null) {
        entry.put("field", error.field());
      }
    }
    return node;
  }

  /** An empty object, the body of a successful DELETE. */
  static ObjectNode empty() {
    return MAPPER.createObjectNode();
  }

  /** Serialises a response body as UTF-8. */
  static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a tree we built", e);
    }
  }
}
