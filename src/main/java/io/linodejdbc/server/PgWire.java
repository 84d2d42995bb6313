package io.linodejdbc.server;

import io.linodejdbc.sql.SqlState;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Reads frontend messages and writes backend messages of the PostgreSQL protocol, version 3. */
final class PgWire {
  private final DataInputStream in;
  private final OutputStream out;
  private final int maxMessageBytes;

  PgWire(InputStream in, OutputStream out, int maxMessageBytes) {
    this.in = new DataInputStream(in);
    this.out = out;
    this.maxMessageBytes = maxMessageBytes;
  }

  /** A startup-phase message (no type byte), or null at end of stream before its first byte. */
  PgMessage readStartup() throws IOException, PgProtocolException {
    int first = in.read();
    if (first < 0) {
      return null;
    }
    int length = (first << 24) | (in.readUnsignedByte() << 16) | (in.readUnsignedShort());
    // Startup packets are small; PostgreSQL itself allows 10,000 bytes.
    if (length < 8 || length > 10_000) {
      throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(), "invalid startup packet length " + length);
    }
    return new PgMessage('\0', readBody(length - 4));
  }

  /** The next typed message, or null at end of stream before its first byte. */
  PgMessage read() throws IOException, PgProtocolException {
    int type = in.read();
    if (type < 0) {
      return null;
    }
    int length = in.readInt();
    if (length < 4) {
      throw new PgProtocolException(SqlState.PROTOCOL_VIOLATION.code(), "invalid message length " + length + " for '"
          + PgMessage.printable((char) type) + "'");
    }
    if (length - 4 > maxMessageBytes) {
      throw new PgProtocolException(SqlState.PROGRAM_LIMIT_EXCEEDED.code(),
          "message of " + (length - 4L) + " bytes exceeds"
          + " this server's limit of " + maxMessageBytes + " bytes (--max-message-bytes)");
    }
    return new PgMessage((char) type, readBody(length - 4));
  }

  private byte[] readBody(int n) throws IOException {
    byte[] body = new byte[n];
    try {
      in.readFully(body);
    } catch (EOFException e) {
      throw new EOFException("connection closed inside a message");
    }
    return body;
  }

  void writeByte(int b) throws IOException {
    out.write(b);
  }

  void send(Builder message) throws IOException {
    message.writeTo(out);
  }

  void flush() throws IOException {
    out.flush();
  }

  static Builder message(char type) {
    return new Builder(type);
  }

  /** One backend message being assembled. */
  static final class Builder {
    private final char type;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(64);

    Builder(char type) {
      this.type = type;
    }

    Builder int32(int v) {
      body.write(v >>> 24);
      body.write(v >>> 16);
      body.write(v >>> 8);
      body.write(v);
      return this;
    }

    Builder int16(int v) {
      body.write(v >>> 8);
      body.write(v);
      return this;
    }

    Builder int8(int v) {
      body.write(v);
      return this;
    }

    Builder cstring(String s) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      for (byte x : b) {
        // NUL would end the string early on the client; PostgreSQL text cannot hold it either.
        body.write(x == 0 ? ' ' : x);
      }
      body.write(0);
      return this;
    }

    Builder bytes(byte[] b) {
      body.write(b, 0, b.length);
      return this;
    }

    void writeTo(OutputStream out) throws IOException {
      int n = body.size() + 4;
      out.write(type);
      out.write(n >>> 24);
      out.write(n >>> 16);
      out.write(n >>> 8);
      out.write(n);
      body.writeTo(out);
    }
  }
}
