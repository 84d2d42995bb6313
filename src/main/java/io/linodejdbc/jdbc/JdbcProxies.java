package io.linodejdbc.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Wraps the JDBC objects of the Calcite connection so that every failure leaves as a proper
 * {@link java.sql.SQLException} ({@link SqlErrors}) and every object points back to the wrappers
 * ({@code getConnection()}, {@code getStatement()}), never to the bare Calcite objects.
 *
 * <p>Dynamic proxies keep this to one class instead of thousands of delegating lines; the
 * reflective call costs well under a microsecond per JDBC call.
 */
final class JdbcProxies {
  private JdbcProxies() {}

  /** What a wrapped object needs to know about its parents. */
  private record Parents(LinodeConnection connection, @Nullable Object statement) {}

  static Connection connection(LinodeConnection owner) {
    return (Connection) wrap(owner.calcite(), Connection.class, new Parents(owner, null));
  }

  private static Object wrap(Object delegate, Class<?> iface, Parents parents) {
    return Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {iface},
        new Handler(delegate, iface, parents));
  }

  private static final class Handler implements InvocationHandler {
    private final Object delegate;
    private final Class<?> iface;
    private final Parents parents;

    Handler(Object delegate, Class<?> iface, Parents parents) {
      this.delegate = delegate;
      this.iface = iface;
      this.parents = parents;
    }

    @Override public @Nullable Object invoke(Object proxy, Method method, Object @Nullable [] args)
        throws Throwable {
      String name = method.getName();
      int arity = args == null ? 0 : args.length;
      switch (name) {
      case "equals":
        if (arity == 1) {
          return proxy == args[0];
        }
        break;
      case "hashCode":
        if (arity == 0) {
          return System.identityHashCode(proxy);
        }
        break;
      case "toString":
        if (arity == 0) {
          return "linode-jdbc " + iface.getSimpleName() + "@"
              + Integer.toHexString(System.identityHashCode(proxy));
        }
        break;
      case "isWrapperFor":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return true;
        }
        break;
      case "unwrap":
        if (((Class<?>) args[0]).isInstance(proxy)) {
          return proxy;
        }
        break;
      case "getConnection":
        if (arity == 0 && iface != Connection.class) {
          return parents.connection().proxy();
        }
        break;
      case "getStatement":
        if (arity == 0 && iface == ResultSet.class && parents.statement() != null) {
          return parents.statement();
        }
        break;
      default:
        break;
      }
      if (iface == ResultSet.class && name.equals("getObject") && arity == 2
          && args[1] instanceof Class<?> type && JavaTimeValues.handles(type)) {
        try {
          return JavaTimeValues.read((ResultSet) delegate, args[0], type);
        } catch (SQLException | RuntimeException e) {
          throw SqlErrors.translate(e);
        }
      }
      if (iface == Connection.class) {
        Object handled = parents.connection().intercept(method, args);
        if (handled != LinodeConnection.NOT_HANDLED) {
          return handled;
        }
      }
      Object result;
      try {
        result = method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw SqlErrors.translate(e.getCause());
      }
      return wrapResult(proxy, method.getReturnType(), result);
    }

    private @Nullable Object wrapResult(Object proxy, Class<?> type, @Nullable Object result) {
      if (result == null) {
        return null;
      }
      if (type == Statement.class || type == PreparedStatement.class
          || type == CallableStatement.class) {
        return wrap(result, type, new Parents(parents.connection(), null));
      }
      if (type == ResultSet.class) {
        Object statement = iface == ResultSet.class ? parents.statement()
            : (Statement.class.isAssignableFrom(iface) ? proxy : null);
        return wrap(result, ResultSet.class, new Parents(parents.connection(), statement));
      }
      if (type == DatabaseMetaData.class) {
        return wrap(result, DatabaseMetaData.class, new Parents(parents.connection(), null));
      }
      return result;
    }
  }
}
