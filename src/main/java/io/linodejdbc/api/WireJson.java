package io.linodejdbc.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.UncheckedIOException;

/**
 * The JSON codec of the wire: one shared mapper for bodies, and the ASCII-only encoding of X-Filter.
 *
 * <p>A list page is read token by token straight into rows ({@link #PARSERS}); the object mapper,
 * some 300 classes that take tens of milliseconds to set up, is made only when a body is first read
 * as a tree (single objects, errors) or a filter is first written ({@link Trees}, {@link Headers}).
 */
final class WireJson {

  /** Makes the parsers of list pages; its settings are the mapper's ({@code new ObjectMapper()}). */
  static final JsonFactory PARSERS = new JsonFactory();

  /** The mapper and reader of JSON trees, made on first use. */
  private static final class Trees {
    /** Parses response bodies strictly: trailing garbage after the JSON value is an error, not ignored. */
    static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * Reads one JSON value from a parser that is already inside a body (an element of a list page):
     * what follows it is the rest of the body, not trailing garbage.
     */
    static final ObjectReader TREE_READER = MAPPER.reader()
        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * Writes pure printable ASCII: non-ASCII as {@code \\uXXXX} (header values must be ASCII, and many
   * stacks mangle anything else), control characters escaped as JSON requires, and DEL (0x7f) escaped
   * too because OkHttp rejects it in header values. Made on first use.
   */
  private static final class Headers {
    static final ObjectWriter WRITER = new ObjectMapper(new JsonFactoryBuilder()
        .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
        .characterEscapes(new AsciiHeaderEscapes())
        .build()).writer();
  }

  /** The strict mapper of response bodies. */
  static ObjectMapper mapper() {
    return Trees.MAPPER;
  }

  /** The reader of one value inside a body. */
  static ObjectReader treeReader() {
    return Trees.TREE_READER;
  }

  private WireJson() {}

  /** Serialises {@code value} for an HTTP header: compact JSON, printable ASCII only. */
  static String headerValue(JsonNode value) {
    try {
      return Headers.WRITER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serialises a request body (UTF-8 is fine there). */
  static String body(JsonNode value) {
    try {
      return Trees.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class AsciiHeaderEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] escapes;

    AsciiHeaderEscapes() {
      escapes = CharacterEscapes.standardAsciiEscapesForJSON();
      escapes[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return escapes;
    }

    @Override
    public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
      return null; // only standard escapes are used
    }
  }
}
