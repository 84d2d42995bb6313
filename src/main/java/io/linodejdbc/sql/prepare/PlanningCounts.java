package io.linodejdbc.sql.prepare;

/**
 * How many times this thread parsed SQL text and ran a Calcite preparation (validation, planning,
 * code generation) in the driver's prepare path, and how many of those plans were simple
 * ({@link SimplePlans}). Package-private: tests read it to pin the cost
 * of preparing a statement exactly; nothing else does.
 */
final class PlanningCounts {
  private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[3]);

  private PlanningCounts() {}

  static void parsed() {
    COUNTS.get()[0]++;
  }

  static void prepared() {
    COUNTS.get()[1]++;
  }

  static void plannedSimply() {
    COUNTS.get()[2]++;
  }

  /** Plans made with {@link SimplePlans}' rules on this thread since the last {@link #reset()}. */
  static long simplePlans() {
    return COUNTS.get()[2];
  }

  /** Parses on this thread since the last {@link #reset()}. */
  static long parses() {
    return COUNTS.get()[0];
  }

  /** Calcite preparations on this thread since the last {@link #reset()}. */
  static long preparations() {
    return COUNTS.get()[1];
  }

  static void reset() {
    long[] c = COUNTS.get();
    c[0] = 0;
    c[1] = 0;
    c[2] = 0;
  }
}
