package io.linodejdbc.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which operation a method and raw path name. Immutable.
 *
 * <p>Paths live under {@code /v4} and {@code /v4beta}, as in the real API. A token id that is not
 * a positive integer within range is a 404, like an absent token, because no such resource can
 * exist. The raw (undecoded) path is matched so that {@code %2F} cannot smuggle a separator.
 *
 * @param operation the operation
 * @param id the token id for single-token operations, 0 otherwise
 */
record Route(Operation operation, int id) {

  /** The five token operations. */
  enum Operation { LIST, CREATE, GET, UPDATE, DELETE }

  private static final Pattern COLLECTION = Pattern.compile("/v4(?:beta)?/profile/tokens");
  private static final Pattern ITEM = Pattern.compile("/v4(?:beta)?/profile/tokens/([^/]+)");

  /**
   * Resolves a request.
   *
   * @throws ApiException 404 for an unknown path, 405 for a method the path does not allow
   */
  static Route resolve(String method, String rawPath) {
    if (COLLECTION.matcher(rawPath).matches()) {
      return switch (method) {
        case "GET" -> new Route(Operation.LIST, 0);
        case "POST" -> new Route(Operation.CREATE, 0);
        default -> throw ApiException.methodNotAllowed("GET, POST");
      };
    }
    Matcher item = ITEM.matcher(rawPath);
    if (item.matches()) {
      int id = parseId(item.group(1));
      return switch (method) {
        case "GET" -> new Route(Operation.GET, id);
        case "PUT" -> new Route(Operation.UPDATE, id);
        case "DELETE" -> new Route(Operation.DELETE, id);
        default -> throw ApiException.methodNotAllowed("GET, PUT, DELETE");
      };
    }
    throw ApiException.notFound();
  }

  private static int parseId(String text) {
    if (!text.matches("[0-9]{1,10}")) {
      throw ApiException.notFound();
    }
    long id = Long.parseLong(text);
    if (id < 1 || id > Integer.MAX_VALUE) {
      throw ApiException.notFound();
    }
    return (int) id;
  }
}
