package io.linodejdbc.reliability;

import io.linodejdbc.sandbox.SandboxServer;
import io.linodejdbc.testing.ResultSets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many threads running the mixed {@link Workload}: either each with its own connection (each
 * connection talking to its own sandbox, so the sandbox's in-flight maximum is exactly that
 * connection's), or all sharing one connection. Answers are compared with H2's.
 */
final class ConcurrencyRun {

  record Result(String mode, int threads, int queriesPerThread, int maxConcurrentRequests, int queries, int correct,
      int failed, boolean deadlocked, int maxInFlightObserved, int maxInFlightLoose, long requests, List<String> problems, long millis) {}

  private ConcurrencyRun() {}

  static Result run(boolean sharedConnection, int threads, int perThread, int maxConcurrent, Duration deadline)
      throws Exception {
    Class.forName("io.linodejdbc.jdbc.LinodeDriver");
    List<ResultSets.Table> expected = Workload.expected();
    int servers = sharedConnection ? 1 : threads;
    List<SandboxServer> sandboxes = new ArrayList<>();
    List<Connection> connections = new ArrayList<>();
    AtomicInteger correct = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<String> problems = Collections.synchronizedList(new ArrayList<>());
    long t0 = System.nanoTime();
    boolean deadlocked;
    try {
      for (int i = 0; i < servers; i++) {
        // More handler threads than the driver may use, so excess requests would be seen, not queued.
        SandboxServer s = SandboxServer.builder().tokens(Workload.TOKENS).threads(maxConcurrent * 4)
            .latency(Duration.ofMillis(2)).start();
        sandboxes.add(s);
        Properties p = new Properties();
        p.setProperty("token", s.actingToken());
        p.setProperty("apiUrl", s.baseUrl());
        p.setProperty("pageSize", "25");
        p.setProperty("maxConcurrentRequests", Integer.toString(maxConcurrent));
        connections.add(DriverManager.getConnection("jdbc:linode:", p));
      }
      CountDownLatch done = new CountDownLatch(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Connection c = connections.get(sharedConnection ? 0 : t);
        SplittableRandom rng = new SplittableRandom(1000 + t);
        Thread w = new Thread(() -> {
          try {
            start.await();
            for (int i = 0; i < perThread; i++) {
              int q = rng.nextInt(Workload.QUERIES.size());
              String sql = Workload.QUERIES.get(q);
              try {
                ResultSets.Table actual = ResultSets.query(c, sql);
                Optional<String> d = ResultSets.diff(expected.get(q), actual, Workload.ordered(sql));
                if (d.isEmpty()) {
                  correct.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                  problems.add("WRONG " + sql + "\n" + d.get());
                }
              } catch (SQLException | RuntimeException e) {
                failed.incrementAndGet();
                problems.add("FAILED " + sql + ": " + e);
              }
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            done.countDown();
          }
        }, "concurrency-worker-" + t);
        w.setDaemon(true);
        workers.add(w);
        w.start();
      }
      start.countDown();
      deadlocked = !done.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
      if (deadlocked) {
        StringBuilder dump = new StringBuilder("no progress within " + deadline + "; worker stacks:\n");
        for (Thread w : workers) {
          dump.append(w.getName()).append(' ').append(w.getState()).append('\n');
          for (StackTraceElement e : w.getStackTrace()) {
            dump.append("    at ").append(e).append('\n');
          }
        }
        problems.add(dump.toString());
      }
      int maxInFlight = sandboxes.stream().mapToInt(SandboxServer::maxInFlightUntilResponse).max().orElse(0);
      int loose = sandboxes.stream().mapToInt(s -> s.requestLog().maxInFlight()).max().orElse(0);
      long requests = sandboxes.stream().mapToLong(s -> s.requestLog().count()).sum();
      return new Result(sharedConnection ? "one shared connection" : "connection per thread", threads, perThread,
          maxConcurrent, threads * perThread, correct.get(), failed.get(), deadlocked, maxInFlight, loose, requests,
          List.copyOf(problems), (System.nanoTime() - t0) / 1_000_000);
    } finally {
      for (Connection c : connections) {
        c.close();
      }
      sandboxes.forEach(SandboxServer::close);
    }
  }
}
