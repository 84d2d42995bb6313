package io.linodejdbc.jdbc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads, on a background thread, the classes a first connection and its first query will need,
 * while the caller's thread is still connecting.
 *
 * <p>Why: a short program (connect, one query, close) spends about half its time reading and
 * defining some 5,000 classes of Calcite, Avatica, Janino, Jackson, OkHttp and this driver, one
 * at a time as each is first touched. Loaded ahead on the second core, the caller finds most of
 * them defined. Classes are only <em>loaded</em> ({@code Class.forName(name, false, …)}): no
 * static initializer of theirs runs here, so the order in which the caller's code initializes
 * classes is unchanged and no two threads can wait on each other's initialization. (First, the
 * JDK sets up its secure random generator and security providers ({@link #warmUpJdk}) and makes
 * the proxy classes of the JDBC interfaces the driver wraps ({@link #defineProxyClasses}): the
 * JDK's code only.)
 *
 * <p>The list is {@value #LIST}, one binary class name per line, written by
 * {@code bench/PreloadList} from the classes a sample session loads; a line starting with
 * {@code ~} names a class that the driver jar relocates under {@value #RELOCATED}. A name the
 * running class path lacks is skipped. System property {@value #PROPERTY}{@code =false} turns
 * the preloading off.
 */
final class ClassPreloader {
  /** The class list, a resource beside this class. */
  static final String LIST = "preload-classes.txt";
  /** Where the driver jar relocates its libraries (see pom.xml's {@code shaded} property). */
  static final String RELOCATED = "io.linodejdbc.shaded.";
  /** System property that turns preloading off when {@code false}. */
  static final String PROPERTY = "linode.jdbc.preload";

  private static final Logger LOG = LoggerFactory.getLogger(ClassPreloader.class);
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private ClassPreloader() {}

  /** Starts the background load, the first time only, unless turned off. */
  static void startOnce() {
    if (!enabled(System.getProperty(PROPERTY)) || !STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread thread = new Thread(ClassPreloader::run, "linode-jdbc-preload");
    thread.setDaemon(true);
    thread.setContextClassLoader(null); // holds no reference to the caller's loader
    thread.start();
  }

  /** Whether the system property's value leaves preloading on (anything but {@code false}). */
  static boolean enabled(@Nullable String property) {
    return !"false".equalsIgnoreCase(property == null ? null : property.strip());
  }

  private static void run() {
    long start = System.nanoTime();
    ClassLoader loader = ClassPreloader.class.getClassLoader();
    warmUpJdk();
    defineProxyClasses(loader);
    try (InputStream in = ClassPreloader.class.getResourceAsStream(LIST)) {
      if (in == null) {
        return;
      }
      Result result = load(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)),
          loader, relocated());
      LOG.debug("preloaded {} classes ({} not found) in {} ms", result.loaded(), result.missing(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (IOException | RuntimeException | LinkageError e) {
      LOG.debug("class preloading stopped: {}", e.toString());
    }
  }

  /**
   * Sets up two facilities of the JDK that a first connection needs early and would otherwise
   * build on the caller's thread: the secure random generator behind {@link UUID#randomUUID()}
   * (Avatica names each connection by one) and the list of security providers (the HTTP client
   * asks for the first one when it starts). The JDK's code only, like {@link
   * #defineProxyClasses}.
   */
  static void warmUpJdk() {
    UUID.randomUUID();
    Security.getProviders();
  }

  /**
   * The JDBC interfaces this driver's objects are dynamic proxies of ({@code JdbcProxies},
   * {@code CachedResultSet}, the shell's wrappers), in the order a first query needs them.
   */
  static final List<Class<?>> PROXIED = List.of(Connection.class, Statement.class,
      PreparedStatement.class, DatabaseMetaData.class, ResultSet.class, ResultSetMetaData.class);

  /**
   * Has the JDK generate and initialize the proxy class of each {@link #PROXIED} interface in
   * {@code loader}, where the wrappers' proxies will find them. A proxy class is generated at
   * run time (class-data sharing cannot keep it) and its initializer looks up every method of the
   * interface, some 190 for {@code ResultSet}: 40 ms of a one-shot query's thread before this.
   * Only the JDK's code runs (the interfaces are {@code java.sql}'s), so no class of Calcite or
   * of this driver is initialized here.
   */
  static void defineProxyClasses(@Nullable ClassLoader loader) {
    InvocationHandler none = (proxy, method, args) -> {
      throw new UnsupportedOperationException(); // never called: the instance is dropped
    };
    for (Class<?> iface : PROXIED) {
      try {
        Proxy.newProxyInstance(loader, new Class<?>[] {iface}, none);
      } catch (IllegalArgumentException | SecurityException e) {
        return; // a loader that cannot see java.sql: the wrappers will say so themselves
      }
    }
  }

  /** Whether this driver runs from the driver jar, its libraries relocated. */
  static boolean relocated() {
    return org.apache.calcite.jdbc.CalciteConnection.class.getName().startsWith(RELOCATED);
  }

  /** How many classes of a list were loaded and how many the class path lacked. */
  record Result(int loaded, int missing) {}

  /**
   * Loads (without initializing) every class of a list.
   *
   * @param list one name per line, {@code ~} before a relocated one; blank lines and lines
   *     starting with {@code #} are skipped
   * @param loader the loader to define them in
   * @param relocated whether {@code ~} names take the {@value #RELOCATED} prefix
   */
  static Result load(BufferedReader list, @Nullable ClassLoader loader, boolean relocated)
      throws IOException {
    int loaded = 0;
    int missing = 0;
    for (String line = list.readLine(); line != null; line = list.readLine()) {
      String name = name(line.strip(), relocated);
      if (name == null) {
        continue;
      }
      try {
        Class.forName(name, false, loader);
        loaded++;
      } catch (ClassNotFoundException | LinkageError e) {
        missing++; // another version of a library, or a class path without it
      }
    }
    return new Result(loaded, missing);
  }

  /** The class name a list line stands for, or null for a comment or blank line. */
  static @Nullable String name(String line, boolean relocated) {
    if (line.isEmpty() || line.startsWith("#")) {
      return null;
    }
    if (line.startsWith("~")) {
      return relocated ? RELOCATED + line.substring(1) : line.substring(1);
    }
    return line;
  }
}
