package io.linodejdbc.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linodejdbc.api.ApiConfig;
import io.linodejdbc.api.LinodeClient;
import io.linodejdbc.api.ListRequest;
import io.linodejdbc.api.RowCursor;
import io.linodejdbc.resource.Resources;
import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Where a full scan's time goes (issue 14): the same 20,000 tokens (40 pages of 500) from the
 * sandbox with no injected latency, each stage timed on its own, median of several runs:
 * the HTTP round trips alone (bodies as bytes), parsing the bodies into JSON trees, converting the
 * trees' objects into rows, the API client's cursor (HTTP + trees + page checks), and the whole
 * JDBC scan reading every column. A benchmark that prints figures, not a test.
 *
 * <pre>mvn -q -o test-compile exec:java -Dexec.classpathScope=test
 *   -Dexec.mainClass=io.linodejdbc.sql.ScanProfile -Dexec.args="20000 7"</pre>
 */
public final class ScanProfile {
  private ScanProfile() {}

  public static void main(String[] args) throws Exception {
    int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    try (SandboxServer server = SandboxServer.builder().tokens(SampleData.bulk(tokens, 7)).start()) {
      String base = server.baseUrl();
      int pages = (tokens + 499) / 500;
      HttpClient http = HttpClient.newHttpClient();
      ObjectMapper mapper = new ObjectMapper();
      RowConverter converter = new RowConverter(Resources.PERSONAL_ACCESS_TOKENS);
      List<byte[]> bodies = new ArrayList<>();
      LongSupplier fetchAll = () -> {
        List<CompletableFuture<HttpResponse<byte[]>>> fs = new ArrayList<>();
        for (int p = 1; p <= pages; p++) {
          fs.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/profile/tokens?page=" + p
              + "&page_size=500")).header("Authorization", "Bearer " + server.actingToken()).build(),
              HttpResponse.BodyHandlers.ofByteArray()));
        }
        bodies.clear();
        long bytes = 0;
        for (var f : fs) {
          byte[] b = f.join().body();
          bodies.add(b);
          bytes += b.length;
        }
        return bytes;
      };
      List<ObjectNode> objects = new ArrayList<>();
      LongSupplier parse = () -> {
        objects.clear();
        try {
          for (byte[] b : bodies) {
            for (JsonNode o : mapper.readTree(b).get("data")) {
              objects.add((ObjectNode) o);
            }
          }
        } catch (java.io.IOException e) {
          throw new IllegalStateException(e);
        }
        return objects.size();
      };
      LongSupplier convert = () -> {
        long n = 0;
        for (ObjectNode o : objects) {
          n += converter.toRow(o).length;
        }
        return n;
      };
      ApiConfig config = ApiConfig.builder().baseUrl(base).token(server.actingToken()).build();
      LongSupplier cursor = () -> {
        try (LinodeClient client = new LinodeClient(config);
             RowCursor c = client.list(ListRequest.builder("/profile/tokens").build())) {
          long n = 0;
          while (c.hasNext()) {
            c.next();
            n++;
          }
          return n;
        }
      };
      Properties props = new Properties();
      props.setProperty("token", server.actingToken());
      props.setProperty("apiUrl", base);
      LongSupplier jdbc = () -> {
        try (Connection conn = DriverManager.getConnection("jdbc:linode:", props);
             Statement s = conn.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM personal_access_tokens")) {
          long n = 0;
          int cols = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= cols; i++) {
              rs.getObject(i);
            }
            n++;
          }
          return n;
        } catch (java.sql.SQLException e) {
          throw new IllegalStateException(e);
        }
      };
      System.out.printf(Locale.ROOT, "scan profile: %,d tokens, %d pages, median of %d runs%n",
          tokens, pages, runs);
      double http1 = time("HTTP: all pages at once, bodies as bytes", fetchAll, runs);
      double tree = time("JSON tree: parse the bodies (Jackson readTree)", parse, runs);
      double rows = time("rows: RowConverter.toRow on every object", convert, runs);
      double api = time("API cursor: LinodeClient.list drained", cursor, runs);
      double all = time("JDBC: SELECT * read with getObject", jdbc, runs);
      System.out.printf(Locale.ROOT, "shares of the JDBC scan: HTTP %.0f%%, JSON tree %.0f%%,"
          + " rows %.0f%%, rest (Calcite, JDBC, cursor checks) %.0f%%%n", 100 * http1 / all,
          100 * tree / all, 100 * rows / all, 100 * (all - http1 - tree - rows) / all);
      System.out.printf(Locale.ROOT, "API cursor minus HTTP and trees (page checks, scheduling):"
          + " %.1f ms%n", api - http1 - tree);
    }
  }

  private static double time(String what, LongSupplier task, int runs) {
    long check = task.getAsLong(); // warm-up
    for (int i = 0; i < 2; i++) {
      task.getAsLong();
    }
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      long t0 = System.nanoTime();
      long got = task.getAsLong();
      ms[i] = (System.nanoTime() - t0) / 1e6;
      if (got != check) {
        throw new IllegalStateException(what + ": " + got + " != " + check);
      }
    }
    Arrays.sort(ms);
    double median = ms[runs / 2];
    System.out.printf(Locale.ROOT, "  %-50s %8.1f ms (min %.1f, max %.1f)  [%,d]%n", what, median,
        ms[0], ms[runs - 1], check);
    return median;
  }
}
