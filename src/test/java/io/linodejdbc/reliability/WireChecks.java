package io.linodejdbc.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linodejdbc.sandbox.RecordedRequest;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks that what the driver sent has the API's structure whatever the user typed. */
final class WireChecks {
  /** The shape: {@code /v4/profile/tokens(/\d+)?}. */
  static final Pattern STRICT_PATH = Pattern.compile("/v4/profile/tokens(/\\d+)?");
  /** What is checked (KD-3, a request for a negative id, is fixed: the strict shape). */
  static final Pattern PATH = STRICT_PATH;
  static final Set<String> FIELDS = Set.of("label", "created");
  static final Set<String> OPERATORS = Set.of("+gt", "+gte", "+lt", "+lte", "+neq", "+contains", "+eq");
  static final Set<String> TOP = Set.of("+or", "+and", "+order_by", "+order");
  private static final ObjectMapper JSON = new ObjectMapper();

  private WireChecks() {}

  /** Empty if every request is well formed; else the problems. */
  static List<String> problems(List<RecordedRequest> requests) {
    List<String> out = new java.util.ArrayList<>();
    for (RecordedRequest r : requests) {
      if (!PATH.matcher(r.path()).matches()) {
        out.add("path " + r.path());
      }
      if (r.query() != null && !r.query().matches("page=\\d+&page_size=\\d+")) {
        out.add("query " + r.query());
      }
      String f = r.headers().get("x-filter");
      if (f != null) {
        try {
          JsonNode n = JSON.readTree(f);
          checkFilter(n, out, f);
        } catch (Exception e) {
          out.add("X-Filter is not JSON: " + f);
        }
        if (!f.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
          out.add("X-Filter not printable ASCII: " + f);
        }
      }
    }
    return out;
  }

  private static void checkFilter(JsonNode n, List<String> out, String whole) {
    if (!n.isObject()) {
      out.add("filter node not an object: " + whole);
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      JsonNode v = e.getValue();
      switch (k) {
        case "+or", "+and" -> {
          if (!v.isArray()) {
            out.add(k + " not an array: " + whole);
          } else {
            v.forEach(c -> checkFilter(c, out, whole));
          }
        }
        case "+order_by" -> {
          if (!v.isTextual() || !FIELDS.contains(v.asText())) {
            out.add("+order_by " + v + ": " + whole);
          }
        }
        case "+order" -> {
          if (!v.isTextual() || !Set.of("asc", "desc").contains(v.asText())) {
            out.add("+order " + v + ": " + whole);
          }
        }
        case "label", "created" -> checkCondition(v, out, whole);
        default -> out.add("unexpected key " + k + " in " + whole);
      }
    }
  }

  private static void checkCondition(JsonNode v, List<String> out, String whole) {
    if (v.isTextual() || v.isNull()) {
      return;
    }
    if (!v.isObject()) {
      out.add("condition neither value nor operator object: " + whole);
      return;
    }
    v.fields().forEachRemaining(e -> {
      if (!OPERATORS.contains(e.getKey())) {
        out.add("unexpected operator " + e.getKey() + " in " + whole);
      } else if (!e.getValue().isTextual() && !e.getValue().isNull()) {
        out.add("operand not a string: " + whole);
      }
    });
  }
}
