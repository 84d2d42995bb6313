package io.linodejdbc.server;

import io.linodejdbc.sql.SqlState;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One frontend message: its type byte and its body, with readers for the protocol's field types.
 * Every read checks the remaining length, so a truncated or lying message becomes a
 * {@link PgProtocolException}, never an index error.
 */
final class PgMessage {
  /** Type byte; 0 for the untyped startup-phase messages. */
  final char type;
  private final ByteBuffer body;

  PgMessage(char type, byte[] body) {
    this.type = type;
    this.body = ByteBuffer.wrap(body);
  }

  int remaining() {
    return body.remaining();
  }

  int int32() throws PgProtocolException {
    need(4);
    return body.getInt();
  }

  short int16() throws PgProtocolException {
    need(2);
    return body.getShort();
  }

  byte int8() throws PgProtocolException {
    need(1);
    return body.get();
  }

  /** A non-negative count (of parameters, formats…), at most {@code max}. */
  int count16(int max) throws PgProtocolException {
    int n = int16() & 0xffff;
    if (n > max) {
      throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(), "invalid message: a count of " + n
          + " where at most " + max + " fit");
    }
    return n;
  }

  /** A NUL-terminated UTF-8 string. */
  String cstring() throws PgProtocolException {
    int start = body.position();
    for (int i = start; i < body.limit(); i++) {
      if (body.get(i) == 0) {
        String s = new String(body.array(), start, i - start, StandardCharsets.UTF_8);
        body.position(i + 1);
        return s;
      }
    }
    throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(),
        "invalid message: a string without its terminator");
  }

  byte[] bytes(int n) throws PgProtocolException {
    if (n < 0) {
      throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(), "invalid message: negative length " + n);
    }
    need(n);
    byte[] b = new byte[n];
    body.get(b);
    return b;
  }

  private void need(int n) throws PgProtocolException {
    if (body.remaining() < n) {
      throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(), "invalid message: '" + printable(type)
          + "' message is truncated");
    }
  }

  static String printable(char type) {
    return type >= 0x20 && type < 0x7f ? String.valueOf(type) : String.format("0x%02x", (int) type);
  }
}
