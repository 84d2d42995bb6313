package io.linodejdbc.sandbox;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What a list request asks for after its {@code X-Filter} header is understood: which tokens, in
 * which order. Immutable.
 *
 * @param filter which tokens to keep
 * @param order the order of the result; always total (it ends with the id)
 */
record TokenQuery(Predicate<SandboxToken> filter, Comparator<SandboxToken> order) {

  /** No filter: every token, by id ascending (the API's default). */
  static final TokenQuery ALL = new TokenQuery(t -> true, TokenOrdering.BY_ID);

  TokenQuery {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(order, "order");
  }

  /** The matching tokens in order; {@code tokens} must be in id order (as the store keeps them). */
  List<SandboxToken> apply(List<SandboxToken> tokens) {
    if (this == ALL) {
      return tokens; // already id-ordered: saves a pass over 100,000 rows per benchmark page
    }
    return tokens.stream().filter(filter).sorted(order).toList();
  }
}
