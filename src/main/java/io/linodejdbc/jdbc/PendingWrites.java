package io.linodejdbc.jdbc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linodejdbc.api.LinodeApiException;
import io.linodejdbc.api.LinodeClient;
import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.sql.LinodeSession;
import io.linodejdbc.sql.SqlState;
import io.linodejdbc.sql.write.Writes;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalciteConnection;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * The writes of a transaction ({@code setAutoCommit(false)}). The Linode API has no
 * transactions, so nothing can be undone once sent; instead a write is checked at once and sent
 * at {@code commit()}:
 *
 * <ul>
 *   <li>each write runs as a dry run when it is executed: the rows it affects are read, every
 *       value is checked, and the requests it will send are worked out. A mistake fails the
 *       statement then, and nothing is sent;
 *   <li>{@code commit()} sends the requests of all the transaction's writes in statement order;
 *       {@code rollback()} discards them (nothing was sent, so nothing needs undoing);
 *   <li>a commit that fails part-way stops at the failing request and reports which requests were
 *       applied (they stay applied) and which were not sent.
 * </ul>
 *
 * The dry run reads the API as it is when the statement executes, and the requests are fixed
 * then: a write does not see the transaction's earlier writes (a row inserted by it cannot be
 * updated before the commit), and reads in the transaction see the API's committed state.
 */
final class PendingWrites {
  /** Reads a recorded request's body; made at the first write that needs it (see WireJson). */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  /** One request a committed transaction sends. */
  record Request(int statement, String method, String path, @Nullable String body) {
    String describe() {
      return method + " " + path;
    }
  }

  private final LinodeSession session;
  private final Writes writes;
  private final List<Request> requests = new ArrayList<>();
  private @Nullable CalciteConnection dryRun;
  private int statements;

  PendingWrites(LinodeSession session, Writes writes) {
    this.session = session;
    this.writes = writes;
  }

  boolean isEmpty() {
    return requests.isEmpty();
  }

  /**
   * Checks a write and queues its requests; returns the update count it will have.
   *
   * @param parameters the parameter setter calls to replay ({@code {name, args}}), in order
   */
  synchronized long add(String sql, List<Object[]> parameters) throws SQLException {
    if (session.isReadOnly()) {
      throw new SQLException("The statement would change tokens, and the connection is read-only"
          + " (Connection.setReadOnly(true)).", SqlState.READ_ONLY_SQL_TRANSACTION.code());
    }
    List<Request> found = new ArrayList<>();
    try (PreparedStatement ps = dryRunConnection().prepareStatement(sql)) {
      int[] types = ParameterBinder.parameterTypes(ps);
      for (Object[] call : parameters) {
        ParameterBinder.bind(ps, types, (String) call[0], (Object[]) call[1]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(new Request(statements + 1, rs.getString(1), rs.getString(2),
              rs.getString(3)));
        }
      }
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.translate(e, session.resources());
    }
    statements++;
    requests.addAll(found);
    return found.size();
  }

  /** Sends every queued request in order; the queue is empty afterwards, whatever happens. */
  synchronized void commit() throws SQLException {
    List<Request> todo = List.copyOf(requests);
    requests.clear();
    statements = 0;
    if (todo.isEmpty()) {
      return;
    }
    LinodeClient client = session.client();
    List<String> applied = new ArrayList<>();
    session.invalidateCache();
    try {
      for (int i = 0; i < todo.size(); i++) {
        Request r = todo.get(i);
        try {
          switch (r.method()) {
          case "POST" -> applied.add(r.describe() + " (" + key(r.path(),
              client.post(r.path(), body(r))) + ")");
          case "PUT" -> {
            client.put(r.path(), body(r));
            applied.add(r.describe());
          }
          default -> {
            client.delete(r.path());
            applied.add(r.describe());
          }
          }
        } catch (LinodeApiException | IllegalStateException e) {
          List<String> notSent = todo.subList(i + 1, todo.size()).stream()
              .map(Request::describe).toList();
          String message = "commit() stopped at request " + (i + 1) + " of " + todo.size()
              + " (" + r.describe() + ", statement " + r.statement() + "): " + e.getMessage()
              + ". Applied, and not undone: " + (applied.isEmpty() ? "none" : applied)
              + ". Not sent: " + (notSent.isEmpty() ? "none" : notSent) + ".";
          String state = e instanceof LinodeApiException api ? SqlErrors.sqlState(api)
              : SqlState.CONNECTION_FAILURE.code();
          throw SqlErrors.create(message, state, e);
        }
      }
    } finally {
      session.invalidateCache();
    }
  }

  /** Discards every queued request; returns how many there were. */
  synchronized int rollback() {
    int n = requests.size();
    requests.clear();
    statements = 0;
    return n;
  }

  synchronized void close() throws SQLException {
    requests.clear();
    if (dryRun != null) {
      dryRun.close();
      dryRun = null;
    }
  }

  private static @Nullable ObjectNode body(Request r) throws SQLException {
    if (r.body() == null) {
      return null;
    }
    try {
      return (ObjectNode) Json.MAPPER.readTree(r.body());
    } catch (java.io.IOException | ClassCastException e) {
      throw new SQLException("Unreadable request body of " + r.describe(),
          SqlState.GENERAL_ERROR.code());
    }
  }

  /** The key of what a POST to {@code path} created, as {@code id 5}, from its resource. */
  private String key(String path, @Nullable ObjectNode created) {
    ResourceDescriptor resource = session.resources().stream()
        .filter(res -> res.collectionPath().equals(path)).findFirst().orElse(null);
    if (resource == null) {
      return "key ?";
    }
    String field = resource.column(resource.keyColumn()).orElseThrow().jsonField();
    return resource.keyColumn() + " " + (created == null || !created.hasNonNull(field) ? "?"
        : created.get(field).asText());
  }

  /** A second Calcite connection on the same API client whose writes are dry runs. */
  private CalciteConnection dryRunConnection() throws SQLException {
    if (dryRun == null) {
      LinodeSession checking = new LinodeSession(session.client(), java.time.Duration.ZERO,
          session.resources(), List.of(writes.checking().extension()));
      dryRun = LinodeDriver.openCalcite(checking);
    }
    return dryRun;
  }
}
