package io.linodejdbc.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the PostgreSQL client programs (Debian's psql, /usr/bin/python3 with psycopg2,
 * SQLAlchemy and pandas) and runs them. A test whose program is missing is skipped with the
 * reason, except in CI (environment variable {@code CI} set), where it fails: CI installs them.
 */
final class ExternalClients {
  private ExternalClients() {}

  record Result(int exitCode, String out, String err) {}

  /** psql, or the test is skipped (failed in CI). */
  static Path psql() {
    List<Path> candidates = new ArrayList<>(List.of(Path.of("/usr/bin/psql")));
    try (var dirs = Files.list(Path.of("/usr/lib/postgresql"))) {
      dirs.map(d -> d.resolve("bin/psql")).forEach(candidates::add);
    } catch (IOException e) {
      // none installed there
    }
    for (Path p : candidates) {
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    require(false, "psql is not installed (Debian: apt-get install postgresql-client)");
    return null;
  }

  /** /usr/bin/python3 able to import the modules, or the test is skipped (failed in CI). */
  static Path python(String... modules) {
    Path python = Path.of("/usr/bin/python3");
    require(Files.isExecutable(python), "/usr/bin/python3 is not installed");
    for (String m : modules) {
      Result r = run(List.of(python.toString(), "-c", "import " + m), Map.of(), 60);
      require(r.exitCode() == 0, "python module " + m + " is missing (Debian: apt-get install"
          + " python3-" + m + ")");
    }
    return python;
  }

  private static void require(boolean present, String reason) {
    if (!present && System.getenv("CI") != null) {
      Assertions.fail(reason + "; CI must provide it (.ci/run installs it)");
    }
    Assumptions.assumeTrue(present, reason + ": test skipped");
  }

  static Result run(List<String> command, Map<String, String> env, int timeoutSeconds) {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    try {
      Path out = Files.createTempFile("client", ".out");
      Path err = Files.createTempFile("client", ".err");
      try {
        pb.redirectOutput(out.toFile()).redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.destroyForcibly();
          Assertions.fail(command.get(0) + " did not finish in " + timeoutSeconds + " s");
        }
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
