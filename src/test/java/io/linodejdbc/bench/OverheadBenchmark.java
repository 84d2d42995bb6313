package io.linodejdbc.bench;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The driver's own cost with no network latency (sandbox on 127.0.0.1, 0 ms injected): what a
 * query costs on top of the API round trips. Run by {@link PerformanceReport} through JMH's
 * {@code Runner}; the names below are what the report looks up.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OverheadBenchmark {
  static final String TABLE = Workload.TABLE;

  /** Tokens in the sandbox: the warm full scan reads all of them (two pages of 500). */
  @Param("1000")
  public int tokens;

  private SandboxServer server;
  private Connection connection;
  private PreparedStatement point;
  private PreparedStatement scan;
  private int nextId;
  private long nextFresh;

  @Setup(Level.Trial)
  public void start() throws Exception {
    server = SandboxServer.builder().tokens(SampleData.bulk(tokens, 7)).start();
    connection = connect(server);
    point = connection.prepareStatement("SELECT * FROM " + TABLE + " WHERE id = ?");
    scan = connection.prepareStatement("SELECT * FROM " + TABLE);
  }

  static Connection connect(SandboxServer server) throws Exception {
    Class.forName("io.linodejdbc.jdbc.LinodeDriver");
    Properties props = new Properties();
    props.setProperty("token", server.actingToken());
    props.setProperty("apiUrl", server.baseUrl());
    return DriverManager.getConnection("jdbc:linode:", props);
  }

  @TearDown(Level.Trial)
  public void stop() throws SQLException {
    connection.close();
    server.close();
  }

  /** A re-executed PreparedStatement fetching one token by id: one GET per call. */
  @Benchmark
  public long pointLookupPrepared(Blackhole bh) throws SQLException {
    nextId = nextId % tokens + 1;
    point.setInt(1, nextId);
    return drain(point.executeQuery(), bh);
  }

  /** A re-executed PreparedStatement reading all tokens, every column: two list calls of 500. */
  @Benchmark
  public long fullScanPrepared(Blackhole bh) throws SQLException {
    return drain(scan.executeQuery(), bh);
  }

  /**
   * Parse, validate, plan and generate code for a statement whose text is new every time (the
   * per-connection plan cache misses); nothing is executed, so no request is sent.
   */
  @Benchmark
  public void planFreshStatement(Blackhole bh) throws SQLException {
    long n = ++nextFresh;
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT id, label FROM " + TABLE + " WHERE id = " + (n % 1_000_000_000L + 1))) {
      bh.consume(ps.getMetaData());
    }
  }

  static long drain(ResultSet rs, Blackhole bh) throws SQLException {
    long rows = 0;
    try (rs) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int i = 1; i <= columns; i++) {
          bh.consume(rs.getObject(i));
        }
        rows++;
      }
    }
    return rows;
  }
}
