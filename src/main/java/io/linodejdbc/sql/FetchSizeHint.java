package io.linodejdbc.sql;

/**
 * The JDBC fetch size of the statement executing on this thread, for the scans it opens:
 * {@code Statement.setFetchSize(n)} says the client reads about {@code n} rows before it asks for
 * more, so a scan fetches only the pages holding them (in pages of at least {@code n} rows, up to
 * the API's 500) and looks ahead only once the client reads past them. The JDBC layer sets it
 * around each execution; the scans read it when they are created, which Calcite does while
 * executing. 0: no hint (the default, since the connection's default fetch size is 0).
 */
public final class FetchSizeHint {
  private FetchSizeHint() {}

  private static final ThreadLocal<Integer> CURRENT = new ThreadLocal<>();

  /** Restores the previous hint when closed. */
  public interface Scope extends AutoCloseable {
    @Override void close();
  }

  /** Sets the hint for this thread until the scope is closed. */
  public static Scope set(int fetchSize) {
    Integer previous = CURRENT.get();
    CURRENT.set(Math.max(0, fetchSize));
    return () -> {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    };
  }

  /** The hint for this thread; 0 when none. */
  static int current() {
    Integer n = CURRENT.get();
    return n == null ? 0 : n;
  }
}
