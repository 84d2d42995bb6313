package io.linodejdbc.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linodejdbc.resource.LinodeDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.calcite.DataContext;

/**
 * A pushed-down filter, before its parameters are known: a tree of comparisons joined by AND and
 * OR that becomes the API's {@code X-Filter} JSON at run time.
 *
 * <p>The JSON is always built with Jackson nodes, never by concatenating text, so nothing a user
 * types can change its structure.
 */
public sealed interface FilterTerm {

  /**
   * The filter's JSON for this execution, or empty when a parameter makes the term vacuous or
   * unusable (then the caller sends no filter for it: a superset).
   */
  Optional<JsonNode> bind(DataContext context);

  /** How EXPLAIN shows it: the JSON with parameters written as {@code ?n}. */
  String describe();

  /** The API operators the driver uses. */
  enum Operator {
    EQ(null), NEQ("+neq"), GT("+gt"), GTE("+gte"), LT("+lt"), LTE("+lte"), CONTAINS("+contains");

    private final String json;

    Operator(String json) {
      this.json = json;
    }

    /** The X-Filter operator key; null for plain equality ({@code {"field": value}}). */
    public String json() {
      return json;
    }
  }

  /** How a value is written in the filter. */
  enum ValueFormat {
    /** A string as is. */
    STRING,
    /** Calcite's TIMESTAMP (milliseconds, zone-less) written {@code YYYY-MM-DDTHH:MM:SS}. */
    DATE_TIME
  }

  /** {@code field op value}. */
  record Comparison(String field, Operator op, ScanValue value, ValueFormat format)
      implements FilterTerm {

    @Override public Optional<JsonNode> bind(DataContext context) {
      Object v = value.resolve(context);
      if (v == null || format == ValueFormat.DATE_TIME && !Timestamps.isTimestamp(v)) {
        return Optional.empty(); // nothing the API can compare with: no filter, a superset
      }
      Operator sent = op;
      if (format == ValueFormat.DATE_TIME && Timestamps.hasFraction(v)) {
        // The API speaks whole seconds; the value is sent rounded down. "< x.5" must then become
        // "<= x" to keep the second x; "<> x.5" excludes nothing the API could express.
        if (op == Operator.NEQ) {
          return Optional.empty();
        }
        if (op == Operator.LT) {
          sent = Operator.LTE;
        }
      }
      return Optional.of(build(sent, JsonNodeFactory.instance.textNode(render(v))));
    }

    private ObjectNode build(Operator operator, JsonNode rendered) {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      if (operator.json() == null) {
        node.set(field, rendered);
      } else {
        node.putObject(field).set(operator.json(), rendered);
      }
      return node;
    }

    private String render(Object v) {
      if (format == ValueFormat.DATE_TIME) {
        return LinodeDateTime.format(Timestamps.toLocalDateTime(v));
      }
      return v.toString();
    }

    @Override public String describe() {
      JsonNode shown = value instanceof ScanValue.Literal literal
          ? JsonNodeFactory.instance.textNode(render(literal.value()))
          : JsonNodeFactory.instance.textNode(value.describe());
      return build(op, shown).toString();
    }
  }

  /** All of the terms ({@code +and}). */
  record And(List<FilterTerm> terms) implements FilterTerm {
    public And {
      terms = List.copyOf(terms);
    }

    @Override public Optional<JsonNode> bind(DataContext context) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (FilterTerm term : terms) {
        // A conjunct that cannot be sent is dropped: the rest still describes a superset.
        term.bind(context).ifPresent(array::add);
      }
      if (array.isEmpty()) {
        return Optional.empty();
      }
      if (array.size() == 1) {
        return Optional.of(array.get(0));
      }
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.set("+and", array);
      return Optional.of(node);
    }

    @Override public String describe() {
      return terms.stream().map(FilterTerm::describe)
          .collect(Collectors.joining(",", "{\"+and\":[", "]}"));
    }
  }

  /** Any of the terms ({@code +or}). */
  record Or(List<FilterTerm> terms) implements FilterTerm {
    public Or {
      terms = List.copyOf(terms);
    }

    @Override public Optional<JsonNode> bind(DataContext context) {
      ArrayNode array = JsonNodeFactory.instance.arrayNode();
      for (FilterTerm term : terms) {
        Optional<JsonNode> bound = term.bind(context);
        if (bound.isEmpty()) {
          // One disjunct without a filter means "anything": the OR filters nothing.
          return Optional.empty();
        }
        array.add(bound.get());
      }
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.set("+or", array);
      return Optional.of(node);
    }

    @Override public String describe() {
      return terms.stream().map(FilterTerm::describe)
          .collect(Collectors.joining(",", "{\"+or\":[", "]}"));
    }
  }
}
