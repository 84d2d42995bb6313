package io.linodejdbc.jdbc;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The JDBC methods a wrapper answers itself, each keyed by the interface {@link Method} it
 * overrides. Methods are looked up once, when a table is built (a misspelt name or a wrong
 * parameter list fails then, loudly, not at some later call); a call that has no entry goes to
 * the wrapped Calcite object unchanged, and an entry that only sometimes differs from Calcite
 * hands the call on with {@link JdbcProxies.Call#proceed()}.
 */
final class MethodTable {
  /** The driver's own answer to one JDBC method. */
  @FunctionalInterface
  interface Override {
    @Nullable Object answer(JdbcProxies.Call call) throws SQLException;
  }

  /** The driver's own handling of a JDBC method that returns nothing. */
  @FunctionalInterface
  interface Action {
    void run(JdbcProxies.Call call) throws SQLException;
  }

  /** What {@link #resolved} holds for a method the wrapped object answers. */
  private static final Override NONE = c -> null;

  private final Map<Method, Override> overrides;
  /**
   * The answer of {@link #get} for each Method object a proxy has passed: a proxy class passes
   * the same instances on every call, so after the first call a lookup is an identity hit
   * ({@link Method#equals} compares names and parameter lists, costly on every JDBC call).
   */
  private final Map<Method, Override> resolved = new ConcurrentHashMap<>();

  private MethodTable(Map<Method, Override> overrides) {
    this.overrides = Map.copyOf(overrides);
  }

  /** The override of {@code method}; null when the wrapped object answers it. */
  @Nullable Override get(Method method) {
    Override o = resolved.get(method);
    if (o == null) {
      Override found = overrides.get(method);
      o = found == null ? NONE : found;
      resolved.put(method, o);
    }
    return o == NONE ? null : o;
  }

  static Builder of(Class<?> iface) {
    return new Builder(iface);
  }

  /** Parameter types, for {@link Builder#on(String, List, Override)}. */
  static List<Class<?>> params(Class<?>... types) {
    return List.of(types);
  }

  /** Builds the table of one interface. */
  static final class Builder {
    private final Class<?> iface;
    private final Map<Method, Override> overrides = new HashMap<>();

    private Builder(Class<?> iface) {
      this.iface = iface;
    }

    /** Overrides the interface's method {@code name()} without parameters. */
    Builder on(String name, Override override) {
      return on(name, List.of(), override);
    }

    /** Overrides the interface's method {@code name(parameterTypes)}. */
    Builder on(String name, List<Class<?>> parameterTypes, Override override) {
      Class<?>[] types = parameterTypes.toArray(new Class<?>[0]);
      Method declared;
      try {
        declared = name.equals("equals") || name.equals("hashCode") || name.equals("toString")
            ? Object.class.getMethod(name, types) : iface.getMethod(name, types);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException(iface.getName() + " has no method " + name
            + Arrays.toString(types), e);
      }
      put(declared, override);
      return this;
    }

    /** Overrides the interface's method {@code void name()}. */
    Builder act(String name, Action action) {
      return act(name, List.of(), action);
    }

    /** Overrides the interface's method {@code void name(parameterTypes)}. */
    Builder act(String name, List<Class<?>> parameterTypes, Action action) {
      return on(name, parameterTypes, c -> {
        action.run(c);
        return null;
      });
    }

    /** Overrides each method of the interface that {@code which} accepts. */
    Builder onEach(Predicate<Method> which, Override override) {
      boolean any = false;
      for (Method m : iface.getMethods()) {
        if (which.test(m)) {
          put(m, override);
          any = true;
        }
      }
      if (!any) {
        throw new IllegalStateException(iface.getName() + ": no method matches " + which);
      }
      return this;
    }

    /** Takes over every entry of {@code other} that this interface has. */
    Builder include(MethodTable other) {
      for (Map.Entry<Method, Override> e : other.overrides.entrySet()) {
        Method m = e.getKey();
        if (m.getDeclaringClass() == Object.class
            || m.getDeclaringClass().isAssignableFrom(iface)) {
          overrides.put(m, e.getValue());
        }
      }
      return this;
    }

    /**
     * Registers {@code override} under {@code declared} and under every method of the interface
     * with the same signature (a sub-interface may redeclare it; a proxy then passes either).
     */
    private void put(Method declared, Override override) {
      overrides.put(declared, override);
      for (Method m : iface.getMethods()) {
        if (m.getName().equals(declared.getName())
            && Arrays.equals(m.getParameterTypes(), declared.getParameterTypes())) {
          overrides.put(m, override);
        }
      }
    }

    MethodTable build() {
      return new MethodTable(overrides);
    }
  }
}
