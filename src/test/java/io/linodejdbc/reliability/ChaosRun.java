package io.linodejdbc.reliability;

import io.linodejdbc.sandbox.LabelMatching;
import io.linodejdbc.sandbox.SandboxToken;
import io.linodejdbc.testing.Corpus;
import io.linodejdbc.testing.H2Oracle;
import io.linodejdbc.testing.ResultSets;
import io.linodejdbc.testing.SandboxFixture;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the read corpus with random, seeded faults injected by the sandbox and classifies every
 * query: exactly H2's answer, a clean SQLException (a fitting SQLSTATE, a readable message, no
 * secret), wrong or partial, or hung (no end within the watchdog).
 */
final class ChaosRun {

  /**
   * SQLSTATEs that fit an injected fault: transport, malformed response, HTTP 500, 429, timeout;
   * and 40001 ("the list changed, run the query again"), which is what a well-formed but wrong
   * page envelope (e.g. {@code "page":1,"pages":1} for page 4) rightly looks like to the driver.
   */
  static final Set<String> FITTING_STATES = Set.of("08006", "58000", "53400", "HYT01", "40001");

  record Result(long seed, int passes, int queries, int correct, int cleanErrors, int wrong, int hung,
      long requests, long faults, Map<String, Integer> errorStates, List<String> problems, long millis) {}

  private ChaosRun() {}

  static Result run(long seed, int passes, int pageSize, Duration watchdog) throws Exception {
    List<SandboxToken> tokens = SandboxFixture.differentialTokens();
    List<Corpus.Query> corpus = Corpus.load("/differential/read-corpus.sql");
    long t0 = System.nanoTime();
    SeededFaultPlan plan = new SeededFaultPlan(seed, Duration.ofMillis(1500));
    int correct = 0;
    int clean = 0;
    int wrong = 0;
    int hung = 0;
    int queries = 0;
    Map<String, Integer> states = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    try (H2Oracle oracle = H2Oracle.load(tokens);
        SandboxFixture fixture = SandboxFixture.start(tokens, LabelMatching.EXACT)) {
      List<ResultSets.Table> expected = new ArrayList<>();
      for (Corpus.Query q : corpus) {
        expected.add(oracle.query(q.sql()));
      }
      String secret = fixture.server().actingToken();
      fixture.server().setFaultPlan(plan);
      ExecutorService runner = Executors.newSingleThreadExecutor(daemon());
      Connection conn = fixture.connect(Map.of("readTimeout", "1", "pageSize", Integer.toString(pageSize)));
      try {
        for (int pass = 0; pass < passes; pass++) {
          for (int i = 0; i < corpus.size(); i++) {
            Corpus.Query q = corpus.get(i);
            plan.round((long) pass * 100_000 + i);
            queries++;
            AtomicReference<Statement> statement = new AtomicReference<>();
            Connection c = conn;
            Future<ResultSets.Table> f = runner.submit(() -> {
              try (Statement s = c.createStatement()) {
                statement.set(s);
                try (ResultSet rs = s.executeQuery(q.sql())) {
                  return ResultSets.read(rs);
                }
              }
            });
            try {
              ResultSets.Table actual = f.get(watchdog.toMillis(), TimeUnit.MILLISECONDS);
              Optional<String> d = ResultSets.diff(expected.get(i), actual, q.ordered());
              if (d.isEmpty()) {
                correct++;
              } else {
                wrong++;
                problems.add("WRONG " + q.name() + "\n" + d.get());
              }
            } catch (TimeoutException e) {
              hung++;
              problems.add("HUNG " + q.name());
              Statement s = statement.get();
              if (s != null) {
                s.cancel();
              }
              f.cancel(true);
              runner.shutdownNow();
              runner = Executors.newSingleThreadExecutor(daemon());
              conn = fixture.connect(Map.of("readTimeout", "1", "pageSize", Integer.toString(pageSize)));
            } catch (java.util.concurrent.ExecutionException e) {
              Throwable t = e.getCause();
              String verdict = cleanError(t, secret);
              if (verdict == null) {
                clean++;
                states.merge(((SQLException) t).getSQLState(), 1, Integer::sum);
              } else {
                wrong++;
                problems.add("UNCLEAN ERROR " + q.name() + ": " + verdict + "\n" + stackTrace(t));
              }
            }
          }
        }
      } finally {
        runner.shutdownNow();
        fixture.server().setFaultPlan(io.linodejdbc.sandbox.FaultPlan.NONE);
      }
    }
    return new Result(seed, passes, queries, correct, clean, wrong, hung, plan.requests(), plan.injectedTotal(),
        states, problems, (System.nanoTime() - t0) / 1_000_000);
  }

  /** Null if {@code t} is a clean SQLException; else why not. */
  static String cleanError(Throwable t, String secret) {
    if (!(t instanceof SQLException e)) {
      return "not an SQLException: " + t;
    }
    String state = e.getSQLState();
    if (state == null || !FITTING_STATES.contains(state)) {
      return "SQLSTATE " + state + " does not fit a server/network fault: " + e;
    }
    String msg = e.getMessage();
    if (msg == null || msg.isBlank() || msg.contains("null") && msg.strip().equals("null")) {
      return "no readable message";
    }
    if (stackTrace(e).contains(secret)) {
      return "the token appears in the exception";
    }
    return null;
  }

  static String stackTrace(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  private static java.util.concurrent.ThreadFactory daemon() {
    return r -> {
      Thread t = new Thread(r, "chaos-query");
      t.setDaemon(true);
      return t;
    };
  }
}
