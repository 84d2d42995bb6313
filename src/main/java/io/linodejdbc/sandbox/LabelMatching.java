package io.linodejdbc.sandbox;

import java.util.Locale;

/**
 * How the sandbox compares labels for {@code X-Filter} equality, {@code +neq}, {@code +contains},
 * the range operators and {@code +order_by label}.
 *
 * <p>Why a switch: the real API does not document whether label matching is case-sensitive, so
 * the driver must treat the server's filter as a pre-filter and re-check rows itself. Running the
 * same tests against both settings proves the driver does not depend on either.
 *
 * <p>{@code null} labels are handled by the filter, not here: callers pass non-null strings.
 */
public enum LabelMatching {
  /** {@link String#equals}, {@link String#contains}, {@link String#compareTo} (UTF-16 order). */
  EXACT {
    @Override
    String normalise(String label) {
      return label;
    }
  },
  /** As {@link #EXACT} after lower-casing both sides with {@link Locale#ROOT}. */
  CASE_INSENSITIVE {
    @Override
    String normalise(String label) {
      return label.toLowerCase(Locale.ROOT);
    }
  };

  /** The form in which two labels are compared under this mode. */
  abstract String normalise(String label);

  /** Whether {@code label} equals {@code value} under this mode. */
  boolean equal(String label, String value) {
    return normalise(label).equals(normalise(value));
  }

  /** Whether {@code label} contains {@code value} under this mode. */
  boolean contains(String label, String value) {
    return normalise(label).contains(normalise(value));
  }

  /** Compares two labels under this mode; negative when {@code a} sorts first. */
  int compare(String a, String b) {
    return normalise(a).compareTo(normalise(b));
  }
}
