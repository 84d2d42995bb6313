package io.linodejdbc.resource;

/** A value a {@link ValueRule} refuses, with the kind of problem (the SQL layer's SQLSTATE). */
public final class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** What is wrong with the value. */
  public enum Problem {
    /** Not a value the API accepts. */
    INVALID,
    /** Longer than the API allows. */
    TOO_LONG,
    /** Holds a character that cannot be sent as text. */
    UNSENDABLE_CHARACTER
  }

  private final Problem problem;

  public InvalidValueException(Problem problem, String message) {
    super(message);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }
}
