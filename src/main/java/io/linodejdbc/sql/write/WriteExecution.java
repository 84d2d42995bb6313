package io.linodejdbc.sql.write;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.linodejdbc.api.LinodeApiException;
import io.linodejdbc.api.LinodeClient;
import io.linodejdbc.resource.ResourceDescriptor;
import io.linodejdbc.sql.LinodeQueryException;
import io.linodejdbc.sql.LinodeTable;
import io.linodejdbc.sql.SqlState;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.sql.type.SqlTypeName;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one execution of a planned write ({@link LinodeTableModify}, whose generated code calls
 * {@link #run} with the rows of its input): reads all affected rows first (a list is no snapshot,
 * and changing it while paging through it would shift rows across pages), turns them into
 * requests, checks every value, and only then sends the requests one by one. A failure part-way
 * reports what was already done ({@link WriteFailure}).
 */
public final class WriteExecution {
  private static final Logger LOG = LoggerFactory.getLogger(WriteExecution.class);

  private final LinodeTable table;
  private final WriteStatement statement;
  private final List<String> columns;
  private final List<SqlTypeName> rowTypes;
  private final int @Nullable [] returned;
  private final boolean arrayRows;
  private final WriteValues values;
  private final WriteOptions options;

  WriteExecution(LinodeTable table, WriteStatement statement, List<String> columns,
      List<SqlTypeName> rowTypes, int @Nullable [] returned, boolean arrayRows,
      WriteValues values, WriteOptions options) {
    this.table = table;
    this.statement = statement;
    this.columns = columns;
    this.options = options;
    this.rowTypes = rowTypes;
    this.returned = returned;
    this.arrayRows = arrayRows;
    this.values = values;
  }

  /** One request the statement sends. */
  record Request(String method, String path, @Nullable ObjectNode body, int id,
      Object @Nullable [] before, boolean own) {}

  /** Called by generated code: sends the requests for {@code rows}; answers the result. */
  public Enumerable<Object> run(DataContext context, Enumerable<?> rows) {
    // Checked per execution, not at prepare: the connection may turn read-only in between.
    if (table.session().isReadOnly() && !options.dryRun()) {
      throw new LinodeQueryException(SqlState.READ_ONLY_SQL_TRANSACTION.code(),
          statement.verb() + " refused: the connection is"
          + " read-only (Connection.setReadOnly(true)).", null);
    }
    List<Request> requests = new ArrayList<>();
    try (Enumerator<?> input = rows.enumerator()) {
      while (input.moveNext()) {
        Object current = input.current();
        Object[] row = current instanceof Object[] array ? array : new Object[] {current};
        requests.add(request(row));
      }
    }
    // Deleting the connection's own credential (allowed by allowRevokeSelf) locks the session
    // out: it goes last, after every other request has been sent with the still-valid one.
    requests.sort(java.util.Comparator.comparing(Request::own));
    if (options.dryRun()) {
      List<Object> described = new ArrayList<>();
      for (Request r : requests) {
        described.add(new Object[] {r.method(), r.path(),
            r.body() == null ? null : r.body().toString()});
      }
      return Linq4j.asEnumerable(described);
    }
    table.session().invalidateCache();
    List<Object> results;
    try {
      results = send(requests);
    } finally {
      table.session().invalidateCache(); // what was read before the write is stale now
    }
    WriteProgress.completed(requests.size());
    if (returned == null) {
      return Linq4j.singletonEnumerable((Object) (long) requests.size());
    }
    return Linq4j.asEnumerable(results);
  }

  private Request request(Object[] row) {
    ResourceDescriptor resource = table.resource();
    switch (statement.kind()) {
    case INSERT: {
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < columns.size(); i++) {
        Object value = row[i];
        if (value != null) { // NULL means "the API's default": omitted from the body
          body.put(resource.column(columns.get(i)).orElseThrow().jsonField(),
              values.convert(resource.column(columns.get(i)).orElseThrow(), value,
                  rowTypes.get(i)));
        }
      }
      return new Request("POST", resource.collectionPath(), body, 0, null, false);
    }
    case UPDATE: {
      int width = resource.columns().size();
      int id = key(row);
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      for (int i = 0; i < columns.size(); i++) {
        Object value = row[width + i];
        if (value == null) {
          throw WriteValues.invalid(columns.get(i) + " cannot be set to NULL ("
              + resource.itemName() + " " + id + ")");
        }
        body.put(resource.column(columns.get(i)).orElseThrow().jsonField(),
            values.convert(resource.column(columns.get(i)).orElseThrow(), value,
                rowTypes.get(width + i)));
      }
      return new Request("PUT", resource.objectPath(id), body, id, row, false);
    }
    default: {
      int id = key(row);
      int credential = resource.credentialColumn()
          .map(c -> resource.indexOf(c.name())).orElse(-1);
      boolean own = credential >= 0 && row[credential] instanceof String prefix
          && table.session().isOwnCredential(prefix);
      if (own && !options.allowRevokeSelf()) {
        String item = resource.itemName();
        throw new LinodeQueryException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE.code(),
            Character.toUpperCase(item.charAt(0)) + item.substring(1) + " " + id + " holds the"
            + " credential this connection uses; deleting it would lock this session out."
            + " Nothing was deleted. Set allowRevokeSelf=true to allow it.", null);
      }
      return new Request("DELETE", resource.objectPath(id), null, id, row, own);
    }
    }
  }

  private int key(Object[] row) {
    return (Integer) row[table.resource().indexOf(table.resource().keyColumn())];
  }

  /** Sends the requests in order; returns the rows RETURNING shows. */
  private List<Object> send(List<Request> requests) {
    LinodeClient client = table.client();
    List<Object> results = new ArrayList<>();
    List<Integer> doneIds = new ArrayList<>();
    for (Request r : requests) {
      Object[] after;
      try {
        switch (r.method()) {
        case "POST":
          after = table.toRow(client.post(r.path(), r.body()));
          break;
        case "PUT":
          after = table.toRow(client.put(r.path(), r.body()));
          break;
        default:
          client.delete(r.path());
          after = r.before();
          break;
        }
      } catch (LinodeApiException e) {
        throw new WriteFailure(statement.verb(), doneIds.size(), requests.size(),
            table.resource().keyColumn(), doneIds, e, outcomeUnknown(r, e) ? "; the "
                + r.method() + " may have reached Linode before the connection failed, so its"
                + " outcome is unknown: list the " + table.resource().name() + " to see" : "");
      } catch (RuntimeException e) {
        throw new WriteFailure(statement.verb(), doneIds.size(), requests.size(),
            table.resource().keyColumn(), doneIds, e, "");
      }
      int id = (Integer) after[table.resource().indexOf(table.resource().keyColumn())];
      doneIds.add(id);
      LOG.debug("{} {} done ({} {})", r.method(), r.path(), table.resource().keyColumn(), id);
      if (returned != null) {
        results.add(project(after));
      }
    }
    return results;
  }

  /** A request sent but not answered: it may or may not have taken effect. */
  private static boolean outcomeUnknown(Request r, LinodeApiException e) {
    return e.kind() == LinodeApiException.Kind.TIMEOUT
        || (e.kind() == LinodeApiException.Kind.TRANSPORT && !r.method().equals("GET"));
  }

  private Object project(Object[] row) {
    int[] indexes = java.util.Objects.requireNonNull(returned);
    if (!arrayRows) {
      return row[indexes[0]];
    }
    Object[] out = new Object[indexes.length];
    for (int i = 0; i < indexes.length; i++) {
      out[i] = row[indexes[i]];
    }
    return out;
  }
}
