package io.linodejdbc.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.linodejdbc.sandbox.RecordedRequest;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks recorded requests against the API contract: the project's own OpenAPI description of the
 * endpoints the driver uses, {@code src/test/resources/linode-api/profile-tokens.openapi.yaml}
 * (through Atlassian's {@code OpenApiInteractionValidator}), plus the documented rules an OpenAPI
 * document cannot express (or that are checked twice, to be sure): {@code page} ≥ 1 and
 * {@code page_size} 25..500, each given at most once, no query parameters on other calls, and an
 * {@code X-Filter} that is an ASCII JSON object using only the filterable fields {@code label} and
 * {@code created}, the operators {@code +gt +gte +lt +lte +neq +contains +eq +and +or}, the
 * top-level {@code +order_by}/{@code +order}, and date-times written {@code YYYY-MM-DDTHH:MM:SS}.
 *
 * <p>The Atlassian validator is reached through {@link ValidatorBridge}, which works around a
 * class-path conflict of the build (see there).
 *
 * <p>The description is a test resource of this project, so the check runs the same on a fresh
 * clone with nothing beside it. System property {@code linodejdbc.openapi} may name another
 * document (e.g. a newer upstream one) to validate against instead. A missing document is an
 * error, never a skip.
 */
public final class OpenApiConformance {
  public static final String PROPERTY = "linodejdbc.openapi";
  /** The project's description, on the test class path. */
  public static final String RESOURCE = "/linode-api/profile-tokens.openapi.yaml";
  private static final Pattern DATE_TIME =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
  private static final Set<String> FIELDS = Set.of("label", "created");
  private static final Set<String> OPERATORS =
      Set.of("+eq", "+neq", "+gt", "+gte", "+lt", "+lte", "+contains");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static volatile OpenApiConformance shared;

  private final Path spec;
  private final ValidatorBridge validator;

  private OpenApiConformance(Path spec) {
    this.spec = spec;
    this.validator = new ValidatorBridge(loadSpec(spec));
  }

  /** The validator for the located spec, built once per JVM. */
  public static OpenApiConformance get() {
    OpenApiConformance v = shared;
    if (v == null) {
      synchronized (OpenApiConformance.class) {
        v = shared;
        if (v == null) {
          v = new OpenApiConformance(locateSpec());
          shared = v;
        }
      }
    }
    return v;
  }

  /**
   * The spec as JSON text. The upstream Linode document (usable through {@link #PROPERTY}) ends
   * with {@code security: null}, which the
   * OpenAPI parser rejects ("attribute security is not of type array") although a null top-level
   * security means the same as none: that one key is dropped. Nothing else is changed, and the
   * operations keep their own {@code security} lists.
   */
  private static String loadSpec(Path spec) {
    try {
      ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
      JsonNode root = yaml.readTree(spec.toFile());
      if (root instanceof ObjectNode o && o.has("security") && o.get("security").isNull()) {
        o.remove("security");
      }
      return JSON.writeValueAsString(root);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException("cannot read OpenAPI spec " + spec, e);
    }
  }

  /** Where the spec is; throws (so the test fails) when it is missing. */
  public static Path locateSpec() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      Path p = Paths.get(configured);
      if (Files.isRegularFile(p)) {
        return p;
      }
      throw new IllegalStateException("System property " + PROPERTY + " names " + p.toAbsolutePath()
          + ", which is not a file");
    }
    URL own = OpenApiConformance.class.getResource(RESOURCE);
    if (own == null || !own.getProtocol().equals("file")) {
      throw new IllegalStateException("The project's OpenAPI description " + RESOURCE
          + " is not on the test class path as a file (found: " + own + ")");
    }
    try {
      return Paths.get(own.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad location of " + RESOURCE + ": " + own, e);
    }
  }

  public Path spec() {
    return spec;
  }

  /** Every violation in {@code requests}, one line each; empty when all conform. */
  public List<String> violations(List<RecordedRequest> requests) {
    List<String> out = new ArrayList<>();
    for (RecordedRequest r : requests) {
      for (String v : violations(r)) {
        out.add(r.method() + " " + r.path() + (r.query() == null ? "" : "?" + r.query())
            + " X-Filter=" + r.header("X-Filter").orElse("-") + ": " + v);
      }
    }
    return out;
  }

  /** Throws an {@link AssertionError} listing every violation in {@code requests}. */
  public void assertConforms(List<RecordedRequest> requests) {
    List<String> v = violations(requests);
    if (!v.isEmpty()) {
      throw new AssertionError(v.size() + " request(s) violate the API contract (" + spec + "):\n  "
          + String.join("\n  ", v));
    }
  }

  /** The violations of one request. */
  public List<String> violations(RecordedRequest r) {
    List<String> out = new ArrayList<>();
    Map<String, List<String>> params = parseQuery(r.query());
    for (String m : validator.errors(r.method(), r.path(), params, r.headers(), r.body())) {
      out.add("[openapi] " + m);
    }
    boolean isList = r.method().equals("GET") && r.path().matches("/v4(beta)?/profile/tokens/?");
    if (isList) {
      checkPaging(params, out);
    } else if (!params.isEmpty()) {
      out.add("query parameters on a non-list request: " + params.keySet());
    }
    r.header("X-Filter").ifPresent(f -> {
      if (!isList) {
        out.add("X-Filter on a request that is not a list GET");
      }
      checkFilter(f, out);
    });
    return out;
  }

  private static void checkPaging(Map<String, List<String>> params, List<String> out) {
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (!e.getKey().equals("page") && !e.getKey().equals("page_size")) {
        out.add("undocumented query parameter " + e.getKey());
      }
      if (e.getValue().size() != 1) {
        out.add("query parameter " + e.getKey() + " repeated: " + e.getValue());
      }
    }
    checkInt(params, "page", 1, Integer.MAX_VALUE, out);
    checkInt(params, "page_size", 25, 500, out);
  }

  private static void checkInt(Map<String, List<String>> params, String name, int min, int max,
      List<String> out) {
    List<String> values = params.get(name);
    if (values == null) {
      return;
    }
    for (String v : values) {
      try {
        int i = Integer.parseInt(v);
        if (i < min || i > max) {
          out.add(name + "=" + v + " outside " + min + ".." + max);
        }
      } catch (NumberFormatException e) {
        out.add(name + "=" + v + " is not an integer");
      }
    }
  }

  private static void checkFilter(String header, List<String> out) {
    for (int i = 0; i < header.length(); i++) {
      char c = header.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        out.add(String.format("X-Filter contains non-ASCII/control character U+%04X at %d", (int) c, i));
        return;
      }
    }
    JsonNode root;
    try {
      root = JSON.readTree(header);
    } catch (Exception e) {
      out.add("X-Filter is not JSON: " + e.getMessage());
      return;
    }
    if (root == null || !root.isObject()) {
      out.add("X-Filter is not a JSON object");
      return;
    }
    checkObject(root, true, out);
  }

  private static void checkObject(JsonNode object, boolean top, List<String> out) {
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      switch (key) {
      case "+and", "+or" -> {
        if (!v.isArray() || v.isEmpty()) {
          out.add(key + " must be a non-empty array");
        } else {
          for (JsonNode element : v) {
            if (!element.isObject()) {
              out.add(key + " element is not an object");
            } else {
              checkObject(element, false, out);
            }
          }
        }
      }
      case "+order_by" -> {
        if (!top) {
          out.add("+order_by below the top level");
        }
        if (!v.isTextual() || !FIELDS.contains(v.asText())) {
          out.add("+order_by on a field that is not filterable: " + v);
        }
      }
      case "+order" -> {
        if (!top) {
          out.add("+order below the top level");
        }
        if (!v.isTextual() || !(v.asText().equals("asc") || v.asText().equals("desc"))) {
          out.add("+order must be asc or desc: " + v);
        }
      }
      case "label", "created" -> checkCondition(key, v, out);
      default -> out.add("X-Filter key not allowed: " + key);
      }
    }
  }

  private static void checkCondition(String field, JsonNode v, List<String> out) {
    if (v.isObject()) {
      if (v.isEmpty()) {
        out.add("empty operator object for " + field);
      }
      Iterator<Map.Entry<String, JsonNode>> it = v.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> op = it.next();
        if (!OPERATORS.contains(op.getKey())) {
          out.add("unknown operator " + op.getKey() + " on " + field);
        }
        if (field.equals("created") && op.getKey().equals("+contains")) {
          out.add("+contains on created");
        }
        checkValue(field, op.getValue(), out);
      }
    } else {
      checkValue(field, v, out);
    }
  }

  private static void checkValue(String field, JsonNode v, List<String> out) {
    if (!v.isTextual()) {
      out.add(field + " value must be a string: " + v);
      return;
    }
    if (field.equals("created") && !DATE_TIME.matcher(v.asText()).matches()) {
      out.add("created value not YYYY-MM-DDTHH:MM:SS: " + v.asText());
    }
  }

  /** Decoded query parameters, every value of a repeated name kept. */
  static Map<String, List<String>> parseQuery(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        out.computeIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8), k -> new ArrayList<>())
            .add(URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw new UncheckedIOException(new java.io.IOException("bad query " + raw, e));
      }
    }
    return out;
  }
}
