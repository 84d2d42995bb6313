package io.linodejdbc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads an {@code X-Filter} header into a {@link TokenQuery}.
 *
 * <p>Grammar: a JSON object whose keys are ANDed. {@code label} and {@code created} take either a
 * scalar (equality) or an object of operators {@code +eq +neq +gt +gte +lt +lte +contains} (ANDed).
 * {@code +and}/{@code +or} take a non-empty array of such objects and nest freely. At the top level
 * only, {@code +order_by} ({@code label}|{@code created}) and {@code +order} ({@code asc}|{@code
 * desc}, default asc) set the order; {@code +order} without {@code +order_by} keeps id order. An
 * empty object places no constraint.
 *
 * <p>Semantic choices where the real API is silent (the driver must not depend on them):
 * <ul>
 *   <li>a {@code null} label never matches equality, {@code +contains} or the range operators, but
 *       does match {@code +neq} (it is "not equal" to any string);
 *   <li>label operands must be JSON strings and {@code created} operands strings in
 *       {@code YYYY-MM-DDTHH:MM:SS}; JSON {@code null}, numbers or other formats are a 400;
 *   <li>{@code +contains} on {@code created} is a 400;
 *   <li>any other field, in a condition or in {@code +order_by}, is a 400 "Cannot filter on …".
 * </ul>
 * Every error is a 400 whose {@code field} is {@code X-Filter}.
 */
final class TokenFilter {

  /** The error field of every filter error. */
  static final String FIELD = "X-Filter";

  private static final Set<String> FILTERABLE = Set.of("label", "created");
  private static final Set<String> OPERATORS =
      Set.of("+eq", "+neq", "+gt", "+gte", "+lt", "+lte", "+contains");

  private final LabelMatching matching;

  private TokenFilter(LabelMatching matching) {
    this.matching = matching;
  }

  /**
   * Parses a header value; {@code null} or blank means no filter.
   *
   * @throws ApiException 400 when the header is not a valid filter
   */
  static TokenQuery parse(String header, LabelMatching matching) {
    if (header == null || header.isBlank()) {
      return TokenQuery.ALL;
    }
    ObjectNode root = Json.parseObject(header, "X-Filter", FIELD);
    return new TokenFilter(matching).query(root);
  }

  private TokenQuery query(ObjectNode root) {
    JsonNode orderBy = root.get("+order_by");
    JsonNode order = root.get("+order");
    boolean descending = false;
    if (order != null) {
      String direction = order.isTextual() ? order.asText() : "";
      if (!direction.equals("asc") && !direction.equals("desc")) {
        throw error("+order must be \"asc\" or \"desc\"");
      }
      descending = direction.equals("desc");
    }
    var comparator = TokenOrdering.BY_ID;
    if (orderBy != null) {
      if (!orderBy.isTextual()) {
        throw error("+order_by must be a field name");
      }
      String field = orderBy.asText();
      if (!FILTERABLE.contains(field)) {
        throw error("Cannot filter on " + field);
      }
      comparator = TokenOrdering.by(field, descending, matching);
    }
    return new TokenQuery(conditions(root, true), comparator);
  }

  private Predicate<SandboxToken> conditions(ObjectNode object, boolean topLevel) {
    List<Predicate<SandboxToken>> parts = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> entry = fields.next();
      String key = entry.getKey();
      JsonNode value = entry.getValue();
      switch (key) {
        case "+and" -> parts.add(all(nested(key, value)));
        case "+or" -> parts.add(any(nested(key, value)));
        case "+order_by", "+order" -> {
          if (!topLevel) {
            throw error(key + " is only allowed at the top level");
          }
        }
        case "label", "created" -> parts.add(condition(key, value));
        default -> throw error(key.startsWith("+")
            ? "Unknown operator " + key
            : "Cannot filter on " + key);
      }
    }
    return all(parts);
  }

  private List<Predicate<SandboxToken>> nested(String operator, JsonNode value) {
    if (!value.isArray() || value.isEmpty()) {
      throw error(operator + " must be a non-empty array of filter objects");
    }
    List<Predicate<SandboxToken>> parts = new ArrayList<>();
    for (JsonNode element : value) {
      if (!element.isObject()) {
        throw error(operator + " must be a non-empty array of filter objects");
      }
      parts.add(conditions((ObjectNode) element, false));
    }
    return parts;
  }

  private Predicate<SandboxToken> condition(String field, JsonNode value) {
    if (value.isArray()) {
      throw error("Invalid value for " + field);
    }
    if (!value.isObject()) {
      return operator(field, "+eq", value);
    }
    if (value.isEmpty()) {
      throw error("Empty operator object for " + field);
    }
    List<Predicate<SandboxToken>> parts = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> ops = value.fields();
    while (ops.hasNext()) {
      Map.Entry<String, JsonNode> op = ops.next();
      if (!OPERATORS.contains(op.getKey())) {
        throw error("Unknown operator " + op.getKey());
      }
      parts.add(operator(field, op.getKey(), op.getValue()));
    }
    return all(parts);
  }

  private Predicate<SandboxToken> operator(String field, String op, JsonNode operand) {
    return field.equals("label") ? labelOperator(op, labelOperand(operand)) : createdOperator(op, operand);
  }

  private static String labelOperand(JsonNode operand) {
    if (!operand.isTextual()) {
      throw error("label filter values must be strings");
    }
    return operand.asText();
  }

  private Predicate<SandboxToken> labelOperator(String op, String value) {
    LabelMatching m = matching;
    return switch (op) {
      case "+eq" -> t -> t.label() != null && m.equal(t.label(), value);
      case "+neq" -> t -> t.label() == null || !m.equal(t.label(), value);
      case "+contains" -> t -> t.label() != null && m.contains(t.label(), value);
      case "+gt" -> t -> t.label() != null && m.compare(t.label(), value) > 0;
      case "+gte" -> t -> t.label() != null && m.compare(t.label(), value) >= 0;
      case "+lt" -> t -> t.label() != null && m.compare(t.label(), value) < 0;
      case "+lte" -> t -> t.label() != null && m.compare(t.label(), value) <= 0;
      default -> throw error("Unknown operator " + op);
    };
  }

  private static Predicate<SandboxToken> createdOperator(String op, JsonNode operand) {
    if (op.equals("+contains")) {
      throw error("+contains is not supported for created");
    }
    LocalDateTime value = ApiDates.parse(operand.isTextual() ? operand.asText() : null)
        .orElseThrow(() -> error("created filter values must be date-times like 2024-01-31T23:59:59"));
    return switch (op) {
      case "+eq" -> t -> t.created().isEqual(value);
      case "+neq" -> t -> !t.created().isEqual(value);
      case "+gt" -> t -> t.created().isAfter(value);
      case "+gte" -> t -> !t.created().isBefore(value);
      case "+lt" -> t -> t.created().isBefore(value);
      case "+lte" -> t -> !t.created().isAfter(value);
      default -> throw error("Unknown operator " + op);
    };
  }

  private static Predicate<SandboxToken> all(List<Predicate<SandboxToken>> parts) {
    List<Predicate<SandboxToken>> copy = List.copyOf(parts);
    return t -> {
      for (Predicate<SandboxToken> p : copy) {
        if (!p.test(t)) {
          return false;
        }
      }
      return true;
    };
  }

  private static Predicate<SandboxToken> any(List<Predicate<SandboxToken>> parts) {
    List<Predicate<SandboxToken>> copy = List.copyOf(parts);
    return t -> {
      for (Predicate<SandboxToken> p : copy) {
        if (p.test(t)) {
          return true;
        }
      }
      return false;
    };
  }

  private static ApiException error(String reason) {
    return ApiException.badRequest(reason, FIELD);
  }
}
