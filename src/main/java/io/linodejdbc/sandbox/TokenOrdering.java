package io.linodejdbc.sandbox;

import java.util.Comparator;

/**
 * The orders {@code +order_by} can ask for.
 *
 * <p>Choices (undocumented by the real API, so the driver must not rely on them): ties are broken
 * by id ascending in both directions, which makes paging stable; a {@code null} label sorts before
 * every label in ascending order and therefore after every label in descending order.
 */
final class TokenOrdering {

  /** The default order of every list: id ascending. */
  static final Comparator<SandboxToken> BY_ID = Comparator.comparingInt(SandboxToken::id);

  private TokenOrdering() {}

  /**
   * The order for {@code +order_by field} and {@code +order}.
   *
   * @param field {@code label} or {@code created} (already validated)
   * @param descending whether {@code +order} is {@code desc}
   * @param matching how labels compare
   */
  static Comparator<SandboxToken> by(String field, boolean descending, LabelMatching matching) {
    Comparator<SandboxToken> primary = switch (field) {
      case "label" -> Comparator.comparing(
          SandboxToken::label, Comparator.nullsFirst(matching::compare));
      case "created" -> Comparator.comparing(SandboxToken::created);
      default -> throw new IllegalArgumentException("not orderable: " + field);
    };
    return (descending ? primary.reversed() : primary).thenComparing(BY_ID);
  }
}
