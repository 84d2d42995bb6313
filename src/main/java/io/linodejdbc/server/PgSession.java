package io.linodejdbc.server;

import io.linodejdbc.sql.SqlState;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the startup and authentication exchange, then simple and extended
 * queries run through the session's own JDBC connection of the driver.
 *
 * <p>A protocol violation ends this connection with an error; it never reaches the server.
 */
final class PgSession implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(PgSession.class);

  static final int PROTOCOL_3_0 = 196608;
  static final int SSL_REQUEST = 80877103;
  static final int GSSENC_REQUEST = 80877104;
  static final int CANCEL_REQUEST = 80877102;

  private final PgServer server;
  /** The client's connection; an SSLSocket over it after SSLRequest when TLS is configured. */
  private volatile Socket socket;
  private BufferedInputStream input;
  final int processId;
  final int secretKey;
  private PgWire wire;
  private Connection connection;
  private SessionSettings settings;
  private String peer;

  /** The statement running now, for CancelRequest. */
  private volatile Statement running;
  private volatile boolean cancelRequested;
  /** Between a query message and the next ReadyForQuery: a cancel then applies. */
  private volatile boolean busy;

  private final Map<String, Prepared> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();
  /** After an error in an extended-query exchange, messages are skipped until Sync. */
  private boolean skipUntilSync;
  /** Inside BEGIN … COMMIT/ROLLBACK: 'T', or 'E' after an error; 'I' outside. */
  private char transaction = 'I';
  private int statementsRun;

  PgSession(PgServer server, Socket socket, int processId, int secretKey) {
    this.server = server;
    this.socket = socket;
    this.processId = processId;
    this.secretKey = secretKey;
    this.peer = socket.getRemoteSocketAddress() == null ? "?"
        : socket.getRemoteSocketAddress().toString().replaceFirst("^/", "");
  }

  @Override public void run() {
    try {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(server.config().startupTimeoutMillis());
      openWire();
      if (!startup()) {
        return;
      }
      socket.setSoTimeout(server.config().idleTimeoutMillis());
      loop();
    } catch (PgProtocolException e) {
      LOG.info("session {} from {}: protocol error, connection closed: {}", processId, peer,
          e.getMessage());
      fatal(e.sqlState(), e.getMessage(), null);
    } catch (SocketTimeoutException e) {
      boolean started = connection != null;
      LOG.info("session {} from {}: {}", processId, peer, started ? "idle timeout" : "startup"
          + " timeout");
      fatal(started ? SqlState.IDLE_SESSION_TIMEOUT.code() : SqlState.CONNECTION_FAILURE.code(),
          started ? "terminating connection due to idle-session"
          + " timeout (--idle-timeout)" : "terminating connection: startup took too long", null);
    } catch (EOFException | SocketException e) {
      LOG.debug("session {} from {}: connection closed by the client", processId, peer);
    } catch (IOException e) {
      LOG.info("session {} from {}: connection failed: {}", processId, peer, e.getMessage());
    } catch (RuntimeException e) {
      // A defect of ours must not take the server down; the client learns the session ended.
      LOG.warn("session {} from {}: internal error", processId, peer, e);
      fatal(SqlState.INTERNAL_ERROR.code(), "internal error in the linode-jdbc server: " + e.getClass().getSimpleName(),
          null);
    } finally {
      close();
    }
  }

  /** Closes the socket (from another thread: server shutdown) after cancelling what runs. */
  void shutdown() {
    cancel();
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  /** CancelRequest: cancels the running statement, if any. */
  void cancel() {
    if (busy) {
      cancelRequested = true; // also stops a statement still being planned
    }
    Statement s = running;
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("session {}: cancel failed: {}", processId, e.getMessage());
      }
    }
  }

  private void close() {
    for (Portal p : portals.values()) {
      p.close();
    }
    for (Prepared p : statements.values()) {
      p.close();
    }
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("session {}: closing its connection failed: {}", processId, e.getMessage());
      }
      LOG.debug("session {} from {} ended after {} statement(s)", processId, peer, statementsRun);
    }
    try {
      socket.close();
    } catch (IOException e) {
      // nothing left to tell
    }
    server.ended(this);
  }

  // ---------------------------------------------------------------------------------- startup

  private void openWire() throws IOException {
    input = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
    wire = new PgWire(input, new BufferedOutputStream(socket.getOutputStream(), 64 * 1024),
        server.config().maxMessageBytes());
  }

  /** SSLRequest with TLS configured: 'S', the handshake, then the startup packet inside TLS. */
  private void startTls(PgTls tls) throws IOException, PgProtocolException {
    if (socket instanceof SSLSocket) {
      throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(), "SSLRequest repeated"
          + " inside TLS");
    }
    if (input.available() > 0) { // bytes sent before our answer would bypass TLS
      throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(), "received unencrypted"
          + " data after SSL request");
    }
    wire.writeByte('S');
    wire.flush();
    socket = tls.wrap(socket);
    openWire();
  }

  private boolean startup() throws IOException, PgProtocolException {
    Map<String, String> params;
    while (true) {
      PgMessage m = wire.readStartup();
      if (m == null) {
        return false;
      }
      int code = m.int32();
      if (code == SSL_REQUEST) {
        if (server.config().tls() != null) {
          startTls(server.config().tls());
        } else {
          wire.writeByte('N'); // no TLS: the client continues in clear text or gives up
          wire.flush();
        }
        continue;
      }
      if (code == GSSENC_REQUEST) {
        wire.writeByte('N');
        wire.flush();
        continue;
      }
      if (code == CANCEL_REQUEST) {
        int pid = m.int32();
        int key = m.int32();
        server.cancel(pid, key);
        return false; // the protocol closes a cancel connection without an answer
      }
      int major = code >>> 16;
      int minor = code & 0xffff;
      if (major != 3) {
        throw new PgProtocolException(SqlState.FEATURE_NOT_SUPPORTED.code(),
            "unsupported frontend protocol " + major + "."
            + minor + ": this server supports 3.0");
      }
      params = new LinkedHashMap<>();
      List<String> unknownOptions = new ArrayList<>();
      while (true) {
        String name = m.cstring();
        if (name.isEmpty()) {
          break;
        }
        String value = m.cstring();
        if (name.startsWith("_pq_.")) {
          unknownOptions.add(name);
        } else {
          params.put(name, value);
        }
      }
      if (minor > 0 || !unknownOptions.isEmpty()) {
        PgWire.Builder v = PgWire.message('v').int32(PROTOCOL_3_0).int32(unknownOptions.size());
        unknownOptions.forEach(v::cstring);
        wire.send(v);
      }
      break;
    }
    if (server.config().requireTls() && !(socket instanceof SSLSocket)) {
      throw new PgProtocolException(SqlState.INVALID_AUTHORIZATION.code(), "this server requires"
          + " TLS (--require-tls): connect with sslmode=require");
    }
    String user = params.getOrDefault("user", "");
    if (user.isEmpty()) {
      throw new PgProtocolException(SqlState.INVALID_AUTHORIZATION.code(),
          "no PostgreSQL user name specified in startup"
          + " packet");
    }
    if (params.containsKey("replication") && !params.get("replication").equalsIgnoreCase("false")
        && !params.get("replication").equalsIgnoreCase("off")) {
      throw new PgProtocolException(SqlState.FEATURE_NOT_SUPPORTED.code(), "replication connections are not supported");
    }
    String database = params.getOrDefault("database", user);
    if (database.isEmpty()) {
      database = user;
    }
    if (!database.equals(PgServer.DATABASE)) {
      throw new PgProtocolException(SqlState.INVALID_CATALOG_NAME.code(),
          "database \"" + database + "\" does not exist;"
          + " this server serves the database \"" + PgServer.DATABASE + "\"");
    }
    settings = new SessionSettings(server.config().serverVersion(), user);
    for (Map.Entry<String, String> p : params.entrySet()) {
      String k = p.getKey();
      if (k.equals("user") || k.equals("database") || k.equals("options")
          || k.equals("replication")) {
        continue;
      }
      try {
        settings.set(k, p.getValue());
      } catch (IllegalArgumentException e) {
        throw new PgProtocolException(SqlState.INVALID_PARAMETER_VALUE.code(), e.getMessage());
      }
    }

    wire.send(PgWire.message('R').int32(3)); // AuthenticationCleartextPassword
    wire.flush();
    PgMessage password = wire.read();
    if (password == null) {
      return false; // psql asks for a password by reconnecting
    }
    if (password.type != 'p') {
      throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(), "expected a password message, got '"
          + PgMessage.printable(password.type) + "'");
    }
    String token = password.cstring().strip();
    String application = settings.get("application_name");
    if (token.isEmpty()) {
      LOG.info("session {} from {} (user {}, application {}): refused, empty password",
          processId, peer, quote(user), quote(application));
      fatal(SqlState.INVALID_PASSWORD.code(), "password authentication failed for user \"" + user + "\": the password"
          + " must be a Linode personal access token", null);
      return false;
    }
    try {
      connection = server.connect(token);
      server.checkToken(connection);
    } catch (SQLException e) {
      String state = e.getSQLState() == null ? "" : e.getSQLState();
      boolean refused = state.startsWith("28");
      LOG.info("session {} from {} (user {}, application {}): refused: {}", processId, peer,
          quote(user), quote(application), refused ? "the API refused the token" : e.getMessage());
      if (refused) {
        fatal(SqlState.INVALID_PASSWORD.code(), "password authentication failed for user \"" + user + "\": the Linode"
            + " API refused the token (" + e.getMessage() + ")", "The password is the Linode"
            + " personal access token the session uses.");
      } else {
        fatal(ErrorResponses.state(e), "cannot check the token with the Linode API: "
            + e.getMessage(), null);
      }
      if (connection != null) {
        try {
          connection.close();
        } catch (SQLException ignored) {
          // closing anyway
        }
        connection = null;
      }
      return false;
    }
    wire.send(PgWire.message('R').int32(0)); // AuthenticationOk
    for (Map.Entry<String, String> s : settings.all().entrySet()) {
      if (SessionSettings.REPORTED.contains(s.getKey())) {
        wire.send(PgWire.message('S').cstring(SessionSettings.display(s.getKey()))
            .cstring(s.getValue()));
      }
    }
    wire.send(PgWire.message('K').int32(processId).int32(secretKey));
    LOG.info("session {} from {} (user {}, application {}) started", processId, peer,
        quote(user), quote(application));
    readyForQuery();
    return true;
  }

  private static String quote(String s) {
    return s == null || s.isEmpty() ? "-" : "'" + s.replaceAll("[\\p{Cntrl}]", "?") + "'";
  }

  // ---------------------------------------------------------------------------------- messages

  private void loop() throws IOException, PgProtocolException {
    while (true) {
      PgMessage m = wire.read();
      if (m == null) {
        return;
      }
      if (skipUntilSync && m.type != 'S' && m.type != 'X') {
        continue;
      }
      busy = m.type == 'Q' || m.type == 'P' || m.type == 'B' || m.type == 'E' || m.type == 'D';
      switch (m.type) {
      case 'Q':
        simpleQuery(m.cstring());
        break;
      case 'P':
        extended(() -> parse(m));
        break;
      case 'B':
        extended(() -> bind(m));
        break;
      case 'D':
        extended(() -> describe(m));
        break;
      case 'E':
        extended(() -> execute(m));
        break;
      case 'C':
        extended(() -> closeMessage(m));
        break;
      case 'H':
        wire.flush();
        break;
      case 'S':
        skipUntilSync = false;
        if (transaction == 'I') {
          closePortals();
        }
        readyForQuery();
        break;
      case 'X':
        return;
      case 'F':
        error(new PgError(SqlState.FEATURE_NOT_SUPPORTED.code(), "the function-call protocol is not supported", null,
            0));
        readyForQuery();
        break;
      case 'd':
      case 'c':
      case 'f':
        break; // COPY data outside a COPY: PostgreSQL ignores it too
      default:
        throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(), "invalid frontend message type '"
            + PgMessage.printable(m.type) + "'");
      }
    }
  }

  private interface Step {
    void run() throws IOException, PgProtocolException, PgError;
  }

  private void extended(Step step) throws IOException, PgProtocolException {
    try {
      step.run();
    } catch (PgError e) {
      error(e);
      skipUntilSync = true;
    }
  }

  /** A JDBC call of a transaction command; its failure is the command's error. */
  private interface JdbcCall {
    void run() throws SQLException;
  }

  private void jdbc(JdbcCall call) throws PgError {
    try {
      call.run();
    } catch (SQLException e) {
      throw ErrorResponses.of(e, null, 0);
    }
  }

  /** {@code READ ONLY} / {@code READ WRITE} for the rest of the transaction block. */
  private void accessMode(String mode) throws PgError {
    if (mode != null && transaction != 'I') {
      jdbc(() -> connection.setReadOnly(mode.equals("read only")));
    }
  }

  /**
   * Ends the JDBC transaction: commit sends the writes held since BEGIN, rollback discards them.
   * Either way the connection goes back to auto-commit and read-write.
   */
  private void endTransaction(boolean commit) throws PgError {
    try {
      if (commit) {
        connection.commit();
      } else {
        connection.rollback();
      }
    } catch (SQLException e) {
      resetTransaction();
      throw ErrorResponses.of(e, null, 0);
    }
    resetTransaction();
  }

  private void resetTransaction() {
    try {
      connection.setAutoCommit(true);
      connection.setReadOnly(false);
    } catch (SQLException e) {
      LOG.warn("session {}: could not leave the transaction: {}", processId, e.getMessage());
    }
  }

  private void readyForQuery() throws IOException {
    busy = false;
    cancelRequested = false;
    wire.send(PgWire.message('Z').int8(transaction));
    wire.flush();
  }

  private void error(PgError e) throws IOException {
    if (transaction == 'T') {
      transaction = 'E';
    }
    wire.send(ErrorResponses.message('E', "ERROR", e));
  }

  private void notice(String state, String message) throws IOException {
    wire.send(ErrorResponses.message('N', "WARNING", new PgError(state, message, null, 0)));
  }

  private void fatal(String state, String message, String hint) {
    try {
      if (wire != null) {
        wire.send(ErrorResponses.message('E', "FATAL", new PgError(state, message, hint, 0)));
        wire.flush();
      }
    } catch (IOException e) {
      // the client is gone
    }
  }

  // ------------------------------------------------------------------------------ simple query

  private void simpleQuery(String text) throws IOException {
    List<SqlText.Piece> pieces = SqlText.split(text);
    if (pieces.isEmpty()) {
      wire.send(PgWire.message('I'));
      readyForQuery();
      return;
    }
    for (SqlText.Piece piece : pieces) {
      try {
        Prepared p = prepare(piece.sql(), new int[0], piece.offset());
        try {
          if (p.parameterCount() > 0) {
            throw new PgError(SqlState.UNDEFINED_PARAMETER.code(), "there is no parameter $1", null, 0);
          }
          Portal portal = new Portal(p, new Object[0], new short[0]);
          try {
            runPortal(portal, 0, true);
          } finally {
            portal.close();
          }
        } finally {
          p.close();
        }
      } catch (PgError e) {
        error(e);
        break;
      }
    }
    if (transaction == 'I') {
      closePortals();
    }
    readyForQuery();
  }

  // ---------------------------------------------------------------------------- extended query

  private void parse(PgMessage m) throws IOException, PgProtocolException, PgError {
    String name = m.cstring();
    String sql = m.cstring();
    int n = m.count16(65_535);
    int[] types = new int[n];
    for (int i = 0; i < n; i++) {
      types[i] = m.int32();
    }
    if (!name.isEmpty() && statements.containsKey(name)) {
      throw new PgError(SqlState.DUPLICATE_PREPARED_STATEMENT.code(),
          "prepared statement \"" + name + "\" already exists", null, 0);
    }
    List<SqlText.Piece> pieces = SqlText.split(sql);
    if (pieces.size() > 1) {
      throw new PgError(SqlState.SYNTAX_ERROR.code(), "cannot insert multiple commands into a prepared statement",
          null, 0);
    }
    Prepared p = pieces.isEmpty() ? Prepared.empty()
        : prepare(pieces.get(0).sql(), types, pieces.get(0).offset());
    Prepared old = statements.put(name, p);
    if (old != null) {
      old.close();
    }
    wire.send(PgWire.message('1'));
  }

  private void bind(PgMessage m) throws IOException, PgProtocolException, PgError {
    String portalName = m.cstring();
    String statementName = m.cstring();
    int nFormats = m.count16(65_535);
    short[] formats = new short[nFormats];
    for (int i = 0; i < nFormats; i++) {
      formats[i] = m.int16();
    }
    int nValues = m.count16(65_535);
    byte[][] values = new byte[nValues][];
    for (int i = 0; i < nValues; i++) {
      int length = m.int32();
      values[i] = length == -1 ? null : m.bytes(length);
    }
    int nResultFormats = m.count16(65_535);
    short[] resultFormats = new short[nResultFormats];
    for (int i = 0; i < nResultFormats; i++) {
      resultFormats[i] = m.int16();
    }
    Prepared p = statements.get(statementName);
    if (p == null) {
      throw new PgError(SqlState.INVALID_SQL_STATEMENT_NAME.code(),
          "prepared statement \"" + statementName + "\" does not exist",
          null, 0);
    }
    if (nFormats > 1 && nFormats != nValues) {
      throw new PgError(SqlState.PROTOCOL_VIOLATION.code(), "bind message has " + nFormats + " parameter formats but "
          + nValues + " parameters", null, 0);
    }
    if (nValues != p.parameterCount()) {
      throw new PgError(SqlState.PROTOCOL_VIOLATION.code(), "bind message supplies " + nValues + " parameters, but"
          + " prepared statement \"" + statementName + "\" requires " + p.parameterCount(),
          null, 0);
    }
    Object[] decoded = new Object[nValues];
    for (int i = 0; i < nValues; i++) {
      if (values[i] == null) {
        continue;
      }
      int format = nFormats == 0 ? 0 : nFormats == 1 ? formats[0] : formats[i];
      PgType type = PgType.ofOid(p.parameterOid(i));
      try {
        decoded[i] = format == 1 ? PgValues.fromBinary(values[i], type)
            : PgValues.fromText(new String(values[i], java.nio.charset.StandardCharsets.UTF_8),
                type, p.inferredJdbcType(i));
      } catch (PgValues.ParameterException e) {
        throw new PgError(e.sqlState, e.getMessage() + " (parameter $" + (i + 1) + ")", null, 0);
      }
    }
    if (!portalName.isEmpty() && portals.containsKey(portalName)) {
      throw new PgError(SqlState.DUPLICATE_CURSOR.code(), "cursor \"" + portalName + "\" already exists", null, 0);
    }
    Portal old = portals.put(portalName, new Portal(p, decoded, resultFormats));
    if (old != null) {
      old.close();
    }
    wire.send(PgWire.message('2'));
  }

  private void describe(PgMessage m) throws IOException, PgProtocolException, PgError {
    byte kind = m.int8();
    String name = m.cstring();
    if (kind == 'S') {
      Prepared p = statements.get(name);
      if (p == null) {
        throw new PgError(SqlState.INVALID_SQL_STATEMENT_NAME.code(),
            "prepared statement \"" + name + "\" does not exist", null,
            0);
      }
      PgWire.Builder t = PgWire.message('t').int16(p.parameterCount());
      for (int i = 0; i < p.parameterCount(); i++) {
        int oid = p.parameterOid(i);
        t.int32(oid != 0 ? oid : PgType.ofJdbc(p.inferredJdbcType(i), null).oid);
      }
      wire.send(t);
      sendRowDescription(p.columns(), new short[0]);
    } else if (kind == 'P') {
      Portal portal = portals.get(name);
      if (portal == null) {
        throw new PgError(SqlState.INVALID_CURSOR_NAME.code(), "portal \"" + name + "\" does not exist", null, 0);
      }
      sendRowDescription(portal.columns(), portal.resultFormats);
    } else {
      throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(), "invalid DESCRIBE message subtype " + kind);
    }
  }

  private void execute(PgMessage m) throws IOException, PgProtocolException, PgError {
    String name = m.cstring();
    int maxRows = m.int32();
    Portal portal = portals.get(name);
    if (portal == null) {
      throw new PgError(SqlState.INVALID_CURSOR_NAME.code(), "portal \"" + name + "\" does not exist", null, 0);
    }
    runPortal(portal, Math.max(maxRows, 0), false);
  }

  private void closeMessage(PgMessage m) throws IOException, PgProtocolException {
    byte kind = m.int8();
    String name = m.cstring();
    if (kind == 'S') {
      Prepared p = statements.remove(name);
      if (p != null) {
        p.close();
      }
    } else if (kind == 'P') {
      Portal p = portals.remove(name);
      if (p != null) {
        p.close();
      }
    } else {
      throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(), "invalid CLOSE message subtype " + kind);
    }
    wire.send(PgWire.message('3'));
  }

  private void closePortals() {
    for (Portal p : portals.values()) {
      p.close();
    }
    portals.clear();
  }

  private void sendRowDescription(List<Rows.Column> columns, short[] formats) throws IOException {
    if (columns == null) {
      wire.send(PgWire.message('n')); // NoData
      return;
    }
    PgWire.Builder r = PgWire.message('T').int16(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      Rows.Column c = columns.get(i);
      r.cstring(c.name()).int32(0).int16(0).int32(c.type().oid).int16(c.type().size)
          .int32(c.typeModifier()).int16(format(formats, i, c.type()));
    }
    wire.send(r);
  }

  private static short format(short[] formats, int i, PgType type) {
    short f = formats.length == 0 ? 0 : formats.length == 1 ? formats[0]
        : i < formats.length ? formats[i] : 0;
    return f == 1 && PgValues.hasBinary(type) ? (short) 1 : (short) 0;
  }

  // ---------------------------------------------------------------------------------- running

  /** Prepares a statement: the server's own commands, or the driver's PreparedStatement. */
  private Prepared prepare(String sql, int[] parameterOids, int offset) throws PgError {
    ServerCommand command = ServerCommand.of(sql);
    if (command != null) {
      return Prepared.server(sql, command);
    }
    CopyCommand copy;
    try {
      copy = CopyCommand.parse(sql);
    } catch (CopyCommand.Refused e) {
      throw new PgError(e.sqlState, e.getMessage(), null, 0);
    }
    if (copy != null) {
      Prepared inner = prepare(copy.query(), parameterOids, offset + copy.queryOffset());
      if (inner.ps == null) {
        inner.close();
        throw new PgError(SqlState.SYNTAX_ERROR.code(), "COPY needs a query", null, 0);
      }
      inner.copy = copy;
      return inner;
    }
    SqlText.Rewritten text = SqlText.placeholders(sql);
    if (transaction == 'E') {
      throw abortedTransaction();
    }
    try {
      PreparedStatement ps = connection.prepareStatement(text.jdbcSql());
      return Prepared.jdbc(sql, text, parameterOids, ps, offset);
    } catch (SQLException e) {
      throw ErrorResponses.of(e, text, offset);
    }
  }

  private static PgError abortedTransaction() {
    return new PgError(SqlState.IN_FAILED_SQL_TRANSACTION.code(),
        "current transaction is aborted, commands ignored until end of"
        + " transaction block", null, 0);
  }

  /**
   * Runs (or continues) a portal, sending its rows, and then CommandComplete or, when
   * {@code maxRows} rows were sent and more remain, PortalSuspended.
   */
  private void runPortal(Portal portal, int maxRows, boolean describe)
      throws IOException, PgError {
    Prepared p = portal.statement;
    if (p.command != null) {
      runServerCommand(portal, describe);
      return;
    }
    if (p.ps == null) {
      wire.send(PgWire.message('I')); // EmptyQueryResponse
      return;
    }
    if (transaction == 'E') {
      throw abortedTransaction();
    }
    if (portal.rows == null && !portal.done) {
      start(portal);
    }
    if (portal.rows == null) {
      wire.send(PgWire.message('C').cstring(portal.tag));
      return;
    }
    if (p.copy != null) {
      copyOut(portal, p.copy);
      return;
    }
    if (describe) {
      sendRowDescription(portal.rows.columns(), new short[0]);
    }
    List<Rows.Column> columns = portal.rows.columns();
    int sent = 0;
    try {
      running = portal.ps;
      while (maxRows == 0 || sent < maxRows) {
        checkCancelled();
        if (!portal.rows.next()) {
          portal.finish();
          wire.send(PgWire.message('C').cstring(portal.tag()));
          return;
        }
        PgWire.Builder d = PgWire.message('D').int16(columns.size());
        for (int i = 0; i < columns.size(); i++) {
          byte[] value = format(portal.resultFormats, i, columns.get(i).type()) == 1
              ? portal.rows.binary(i)
              : utf8(portal.rows.text(i));
          if (value == null) {
            d.int32(-1);
          } else {
            d.int32(value.length).bytes(value);
          }
        }
        wire.send(d);
        sent++;
        portal.rowCount++;
      }
      wire.send(PgWire.message('s')); // PortalSuspended
    } catch (SQLException e) {
      portal.finish();
      throw ErrorResponses.of(e, p.text, p.offset);
    } finally {
      running = null;
    }
  }

  /** Sends a portal's rows as COPY data: CopyOutResponse, one CopyData per row, CopyDone. */
  private void copyOut(Portal portal, CopyCommand copy) throws IOException, PgError {
    List<Rows.Column> columns = portal.rows.columns();
    PgWire.Builder h = PgWire.message('H').int8(0).int16(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      h.int16(0);
    }
    wire.send(h);
    long n = 0;
    try {
      running = portal.ps;
      if (copy.header()) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.name()));
        wire.send(PgWire.message('d').bytes(utf8(copy.line(names))));
      }
      List<String> values = new ArrayList<>();
      while (true) {
        checkCancelled();
        if (!portal.rows.next()) {
          break;
        }
        values.clear();
        for (int i = 0; i < columns.size(); i++) {
          values.add(portal.rows.text(i));
        }
        wire.send(PgWire.message('d').bytes(utf8(copy.line(values))));
        n++;
      }
    } catch (SQLException e) {
      portal.finish();
      throw ErrorResponses.of(e, portal.statement.text, portal.statement.offset);
    } finally {
      running = null;
    }
    portal.finish();
    wire.send(PgWire.message('c'));
    wire.send(PgWire.message('C').cstring("COPY " + n));
  }

  private static byte[] utf8(String s) {
    return s == null ? null : s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  private void start(Portal portal) throws IOException, PgError {
    Prepared p = portal.statement;
    PreparedStatement ps = portal.ps;
    try {
      ps.clearParameters();
      for (int j = 0; j < p.text.parameterOrder().length; j++) {
        Object v = portal.parameters[p.text.parameterOrder()[j]];
        if (v == null) {
          ps.setNull(j + 1, p.inferredJdbcType(p.text.parameterOrder()[j]));
        } else {
          ps.setObject(j + 1, v);
        }
      }
      checkCancelled();
      running = ps;
      statementsRun++;
      boolean hasRows = ps.execute();
      checkCancelled();
      sendWarnings(ps.getWarnings());
      ps.clearWarnings();
      if (hasRows) {
        portal.rows = new Rows.OfResultSet(ps.getResultSet());
      } else {
        portal.tag = p.tag(Math.max(ps.getUpdateCount(), 0));
        portal.done = true;
      }
    } catch (SQLException e) {
      throw ErrorResponses.of(e, p.text, p.offset);
    } finally {
      running = null;
    }
    try {
      sendWarnings(connection.getWarnings());
      connection.clearWarnings();
    } catch (SQLException e) {
      // warnings are a courtesy
    }
  }

  private void checkCancelled() throws SQLException {
    if (cancelRequested) {
      cancelRequested = false;
      throw new SQLException("canceling statement due to user request", SqlState.QUERY_CANCELED.code());
    }
  }

  private void sendWarnings(SQLWarning w) throws IOException {
    for (; w != null; w = w.getNextWarning()) {
      notice(w.getSQLState() == null ? SqlState.WARNING.code() : w.getSQLState(), w.getMessage());
    }
  }

  private void runServerCommand(Portal portal, boolean describe) throws IOException, PgError {
    ServerCommand c = portal.statement.command;
    if (transaction == 'E' && c.kind() != ServerCommand.Kind.ROLLBACK
        && c.kind() != ServerCommand.Kind.COMMIT) {
      throw abortedTransaction();
    }
    switch (c.kind()) {
    case BEGIN:
      if (transaction != 'I') {
        notice(SqlState.ACTIVE_SQL_TRANSACTION.code(), "there is already a transaction in progress");
      } else {
        jdbc(() -> connection.setAutoCommit(false));
        transaction = 'T';
      }
      accessMode(c.value());
      break;
    case SET_TRANSACTION:
      if (transaction == 'I') {
        notice(SqlState.ACTIVE_SQL_TRANSACTION.code(),
            "SET TRANSACTION can only be used in transaction blocks");
      } else {
        accessMode(c.value());
      }
      break;
    case COMMIT:
      if (transaction == 'I') {
        notice(SqlState.NO_ACTIVE_SQL_TRANSACTION.code(), "there is no transaction in progress");
        break;
      }
      boolean failed = transaction == 'E';
      transaction = 'I';
      // A failed transaction is rolled back; a failed commit ends the transaction too, as in
      // PostgreSQL (what was sent before the failing request stays applied: README).
      endTransaction(!failed);
      if (failed) {
        wire.send(PgWire.message('C').cstring("ROLLBACK"));
        return;
      }
      break;
    case ROLLBACK:
      if (transaction == 'I') {
        notice(SqlState.NO_ACTIVE_SQL_TRANSACTION.code(), "there is no transaction in progress");
        break;
      }
      transaction = 'I';
      endTransaction(false);
      break;
    case SET:
      try {
        if (settings.set(c.name(), c.value())) {
          reportParameter(c.name());
        }
      } catch (IllegalArgumentException e) {
        throw new PgError(SqlState.INVALID_PARAMETER_VALUE.code(), e.getMessage(), null, 0);
      }
      break;
    case RESET:
      if (c.name() == null) {
        for (String k : settings.resetAll()) {
          reportParameter(k);
        }
      } else if (settings.reset(c.name())) {
        reportParameter(c.name());
      }
      break;
    case DISCARD:
      if (c.name() == null || c.name().equals("all")) {
        if (transaction != 'I') {
          throw new PgError(SqlState.ACTIVE_SQL_TRANSACTION.code(),
              "DISCARD ALL cannot run inside a transaction block", null,
              0);
        }
        for (String k : settings.resetAll()) {
          reportParameter(k);
        }
        for (Map.Entry<String, Prepared> e : List.copyOf(statements.entrySet())) {
          if (!e.getKey().isEmpty()) {
            statements.remove(e.getKey()).close();
          }
        }
      }
      break;
    case DEALLOCATE:
      if (c.name() == null) {
        for (Map.Entry<String, Prepared> e : List.copyOf(statements.entrySet())) {
          if (!e.getKey().isEmpty()) {
            statements.remove(e.getKey()).close();
          }
        }
      } else {
        Prepared p = statements.remove(c.name());
        if (p == null) {
          throw new PgError(SqlState.INVALID_SQL_STATEMENT_NAME.code(),
              "prepared statement \"" + c.name() + "\" does not exist",
              null, 0);
        }
        p.close();
      }
      break;
    case SHOW: {
      Rows rows = show(c.name());
      if (describe) {
        sendRowDescription(rows.columns(), new short[0]);
      }
      int n = 0;
      try {
        while (rows.next()) {
          PgWire.Builder d = PgWire.message('D').int16(rows.columns().size());
          for (int i = 0; i < rows.columns().size(); i++) {
            byte[] v = utf8(rows.text(i));
            if (v == null) {
              d.int32(-1);
            } else {
              d.int32(v.length).bytes(v);
            }
          }
          wire.send(d);
          n++;
        }
      } catch (SQLException e) {
        throw new PgError(SqlState.INTERNAL_ERROR.code(), e.getMessage(), null, 0);
      }
      wire.send(PgWire.message('C').cstring("SHOW"));
      return;
    }
    default:
      break;
    }
    wire.send(PgWire.message('C').cstring(c.tag()));
  }

  private Rows show(String name) throws PgError {
    if (name.equals("all")) {
      List<List<String>> rows = new ArrayList<>();
      new java.util.TreeMap<>(settings.all()).forEach((k, v) ->
          rows.add(List.of(SessionSettings.display(k), v, "")));
      return new Rows.OfText(List.of("name", "setting", "description"), rows);
    }
    String value = settings.get(name);
    if (value == null) {
      throw new PgError(SqlState.UNDEFINED_OBJECT.code(), "unrecognized configuration parameter \"" + name + "\"", null,
          0);
    }
    return new Rows.OfText(List.of(SessionSettings.key(name).replace(' ', '_')),
        List.of(List.of(value)));
  }

  private void reportParameter(String name) throws IOException {
    String key = SessionSettings.key(name);
    if (SessionSettings.REPORTED.contains(key)) {
      wire.send(PgWire.message('S').cstring(SessionSettings.display(key))
          .cstring(settings.get(key)));
    }
  }

  // ------------------------------------------------------------------------ statements, portals

  /** A parsed statement: the server's own command, or a driver PreparedStatement. */
  static final class Prepared {
    final String sql;
    final ServerCommand command;
    final SqlText.Rewritten text;
    final int[] clientOids;
    final PreparedStatement ps;
    final int offset;
    /** Set when the statement is a COPY of this query's rows. */
    CopyCommand copy;
    private int[] inferred;
    private List<Rows.Column> columns;
    private boolean columnsKnown;
    boolean inUse;

    private Prepared(String sql, ServerCommand command, SqlText.Rewritten text, int[] clientOids,
        PreparedStatement ps, int offset) {
      this.sql = sql;
      this.command = command;
      this.text = text;
      this.clientOids = clientOids;
      this.ps = ps;
      this.offset = offset;
    }

    static Prepared empty() {
      return new Prepared("", null, SqlText.placeholders(""), new int[0], null, 0);
    }

    static Prepared server(String sql, ServerCommand command) {
      return new Prepared(sql, command, SqlText.placeholders(""), new int[0], null, 0);
    }

    static Prepared jdbc(String sql, SqlText.Rewritten text, int[] clientOids,
        PreparedStatement ps, int offset) {
      return new Prepared(sql, null, text, clientOids, ps, offset);
    }

    int parameterCount() {
      return Math.max(text.parameterCount(), clientOids.length);
    }

    int parameterOid(int i) {
      return i < clientOids.length ? clientOids[i] : 0;
    }

    /** The JDBC type the driver inferred for {@code $i+1}, VARCHAR when it cannot tell. */
    int inferredJdbcType(int i) {
      if (inferred == null) {
        inferred = new int[parameterCount()];
        java.util.Arrays.fill(inferred, Types.VARCHAR);
        if (ps != null) {
          try {
            ParameterMetaData md = ps.getParameterMetaData();
            int[] order = text.parameterOrder();
            for (int j = 0; j < order.length && j < md.getParameterCount(); j++) {
              int t = md.getParameterType(j + 1);
              if (t != Types.OTHER && t != Types.NULL && t != Types.JAVA_OBJECT) {
                inferred[order[j]] = t;
              }
            }
          } catch (SQLException | RuntimeException e) {
            // unknown: text
          }
        }
      }
      return i < inferred.length ? inferred[i] : Types.VARCHAR;
    }

    /** Result columns, or null when the statement returns none (NoData). */
    List<Rows.Column> columns() throws PgError {
      if (copy != null) {
        return null; // COPY describes its rows in CopyOutResponse
      }
      if (command != null) {
        return command.kind() == ServerCommand.Kind.SHOW
            ? List.of(new Rows.Column(command.name().equals("all") ? "name"
                : SessionSettings.key(command.name()).replace(' ', '_'), PgType.TEXT, -1))
            : null;
      }
      if (!columnsKnown) {
        columnsKnown = true;
        if (ps != null) {
          try {
            ResultSetMetaData md = ps.getMetaData();
            columns = md == null || md.getColumnCount() == 0 || !returnsRows() ? null
                : Rows.describe(md);
          } catch (SQLException e) {
            throw ErrorResponses.of(e, text, offset);
          }
        }
      }
      if (command != null && command.kind() == ServerCommand.Kind.SHOW
          && command.name().equals("all")) {
        return List.of(new Rows.Column("name", PgType.TEXT, -1),
            new Rows.Column("setting", PgType.TEXT, -1),
            new Rows.Column("description", PgType.TEXT, -1));
      }
      return columns;
    }

    /** Whether the statement gives rows: a query, or a write with RETURNING. */
    private boolean returnsRows() {
      List<String> words = SqlText.leadingWords(sql, 1);
      String first = words.isEmpty() ? "" : words.get(0);
      if (first.equals("insert") || first.equals("update") || first.equals("delete")
          || first.equals("replace")) {
        return sql.toLowerCase(java.util.Locale.ROOT).contains("returning");
      }
      return true;
    }

    /** The CommandComplete tag for {@code n} rows. */
    String tag(long n) {
      List<String> words = SqlText.leadingWords(sql, 1);
      String first = words.isEmpty() ? "" : words.get(0);
      switch (first) {
      case "insert":
        return "INSERT 0 " + n;
      case "update":
      case "replace":
        return "UPDATE " + n;
      case "delete":
        return "DELETE " + n;
      case "explain":
        return "EXPLAIN";
      case "describe":
      case "show":
      case "select":
      case "with":
      case "values":
      case "table":
        return "SELECT " + n;
      default:
        return first.toUpperCase(java.util.Locale.ROOT);
      }
    }

    void close() {
      if (ps != null) {
        try {
          ps.close();
        } catch (SQLException | RuntimeException e) {
          // closing anyway
        }
      }
    }
  }

  /** A bound statement, possibly part-way through its rows. */
  final class Portal {
    final Prepared statement;
    final Object[] parameters;
    final short[] resultFormats;
    final PreparedStatement ps;
    private final boolean ownStatement;
    Rows rows;
    boolean done;
    String tag;
    long rowCount;

    Portal(Prepared statement, Object[] parameters, short[] resultFormats) throws PgError {
      this.statement = statement;
      this.parameters = parameters;
      this.resultFormats = resultFormats;
      if (statement.ps != null && statement.inUse) {
        // Another portal of the same statement is open: it needs a statement of its own.
        try {
          this.ps = connection.prepareStatement(statement.text.jdbcSql());
        } catch (SQLException e) {
          throw ErrorResponses.of(e, statement.text, statement.offset);
        }
        this.ownStatement = true;
      } else {
        this.ps = statement.ps;
        this.ownStatement = false;
        statement.inUse = statement.ps != null;
      }
    }

    List<Rows.Column> columns() throws PgError {
      return statement.columns();
    }

    String tag() {
      return tag != null ? tag : statement.tag(rowCount);
    }

    void finish() {
      if (rows != null) {
        try {
          rows.close();
        } catch (SQLException | RuntimeException e) {
          // closing anyway
        }
      }
      done = true;
      tag = tag();
      rows = null;
    }

    void close() {
      finish();
      if (ownStatement) {
        try {
          ps.close();
        } catch (SQLException | RuntimeException e) {
          // closing anyway
        }
      } else {
        statement.inUse = false;
      }
    }
  }
}
