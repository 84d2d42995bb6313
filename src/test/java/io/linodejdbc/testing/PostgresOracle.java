package io.linodejdbc.testing;

import io.linodejdbc.sandbox.SandboxToken;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference answer for the PostgreSQL dialect: a real PostgreSQL (Debian's package: binaries
 * under {@code /usr/lib/postgresql/<version>/bin}) started for the tests in a throwaway cluster
 * under {@code target/}, on a free loopback port, holding the same tokens as the sandbox in a table
 * {@code personal_access_tokens} with the driver's column types. The cluster uses UTF-8 with the
 * {@code C.UTF-8} locale: text sorts by code point and upper/lower follow Unicode.
 *
 * <p>PostgreSQL refuses to run as root: when the tests run as root (as CI does), the cluster
 * belongs to the {@code postgres} user and its programs run through {@code runuser}.
 *
 * <p>Without PostgreSQL the tests that need it are skipped with a message saying so, except when
 * the environment variable {@code CI} is set: then they fail.
 */
public final class PostgresOracle implements AutoCloseable {
  private final Path dataDir;
  private final Path bin;
  private final boolean asPostgresUser;
  private final Connection connection;

  private PostgresOracle(Path dataDir, Path bin, boolean asPostgresUser, Connection connection) {
    this.dataDir = dataDir;
    this.bin = bin;
    this.asPostgresUser = asPostgresUser;
    this.connection = connection;
  }

  /** The newest installed PostgreSQL's bin directory, if any. */
  static Optional<Path> findBinaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb"))
              && Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> versionOf(b.getParent())));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static int versionOf(Path dir) {
    try {
      return Integer.parseInt(dir.getFileName().toString().replaceAll("\\D.*", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * A started PostgreSQL holding {@code tokens}. Skips the calling test (JUnit assumption) when
   * PostgreSQL is not installed, unless {@code CI} is set.
   */
  public static PostgresOracle start(List<SandboxToken> tokens) throws Exception {
    Optional<Path> bin = findBinaries();
    if (bin.isEmpty()) {
      String message = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb):"
          + " the PostgreSQL-dialect oracle tests need Debian's postgresql package";
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(message + " (CI is set: failing instead of skipping)");
      }
      Assumptions.abort(message);
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    Path target = Path.of(System.getProperty("linodejdbc.buildDir", "target")).toAbsolutePath();
    Path dataDir = target.resolve("pg-oracle-" + UUID.randomUUID());
    Files.createDirectories(dataDir);
    if (root) {
      run(List.of("chown", "postgres:postgres", dataDir.toString()), false);
      // the postgres user must be able to reach the directory
      for (Path p = dataDir.getParent(); p != null; p = p.getParent()) {
        File f = p.toFile();
        f.setExecutable(true, false);
      }
    }
    run(command(bin.get(), root, "initdb", "-D", dataDir.toString(), "-U", "postgres",
        "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"), false);
    int port = freePort();
    String options = "-p " + port + " -c listen_addresses=127.0.0.1 -k " + dataDir
        + " -c fsync=off -c full_page_writes=off -c TimeZone=UTC";
    run(command(bin.get(), root, "pg_ctl", "-D", dataDir.toString(), "-o", options,
        "-l", dataDir.resolve("server.log").toString(), "-w", "-t", "60", "start"), false);
    Connection c;
    try {
      c = DriverManager.getConnection(
          "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
      load(c, tokens);
    } catch (SQLException | RuntimeException e) {
      stop(bin.get(), root, dataDir);
      throw e;
    }
    return new PostgresOracle(dataDir, bin.get(), root, c);
  }

  private static void load(Connection c, List<SandboxToken> tokens) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("SET TIME ZONE 'UTC'");
      s.execute("CREATE TABLE personal_access_tokens ("
          + " id INTEGER NOT NULL PRIMARY KEY,"
          + " created TIMESTAMP(0) NOT NULL,"
          + " expiry TIMESTAMP(0),"
          + " label VARCHAR(100),"
          + " scopes VARCHAR NOT NULL,"
          + " token VARCHAR NOT NULL)");
    }
    try (PreparedStatement insert = c.prepareStatement(
        "INSERT INTO personal_access_tokens (id, created, expiry, label, scopes, token)"
            + " VALUES (?, ?, ?, ?, ?, ?)")) {
      for (SandboxToken t : tokens) {
        insert.setInt(1, t.id());
        insert.setObject(2, t.created());
        insert.setObject(3, t.expiry());
        insert.setString(4, t.label());
        insert.setString(5, t.scopes());
        insert.setString(6, t.prefix());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE personal_access_tokens");
    }
  }

  public Connection connection() {
    return connection;
  }

  /** Runs {@code sql} and reads the whole result. */
  public ResultSets.Table query(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return ResultSets.read(rs);
    }
  }

  @Override public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // the server goes down next anyway
    }
    stop(bin, asPostgresUser, dataDir);
  }

  private static void stop(Path bin, boolean root, Path dataDir) {
    try {
      run(command(bin, root, "pg_ctl", "-D", dataDir.toString(), "-m", "immediate", "-w",
          "stop"), true);
    } catch (IOException | InterruptedException e) {
      // best effort: the data directory is removed below either way
    }
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover under target/ is removed by the next clean
    }
  }

  private static List<String> command(Path bin, boolean root, String program, String... args) {
    List<String> cmd = new ArrayList<>();
    if (root) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.add(bin.resolve(program).toString());
    cmd.addAll(List.of(args));
    return cmd;
  }

  private static void run(List<String> cmd, boolean tolerateFailure)
      throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", cmd));
    }
    if (p.exitValue() != 0 && !tolerateFailure) {
      throw new IOException("failed (" + p.exitValue() + "): " + String.join(" ", cmd) + "\n"
          + new String(out, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
