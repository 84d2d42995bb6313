package io.linodejdbc.server;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** A byte-level PostgreSQL client for protocol tests: sends what it is told, reads messages. */
final class RawPgClient implements AutoCloseable {
  record Message(char type, byte[] body) {
    /** The value of an ErrorResponse/NoticeResponse field, e.g. 'C' for the SQLSTATE. */
    String field(char code) {
      int i = 0;
      while (i < body.length && body[i] != 0) {
        char f = (char) body[i++];
        int start = i;
        while (body[i] != 0) {
          i++;
        }
        String v = new String(body, start, i - start, StandardCharsets.UTF_8);
        i++;
        if (f == code) {
          return v;
        }
      }
      return null;
    }
  }

  final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  RawPgClient(int port) throws IOException {
    socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(30_000);
    in = new DataInputStream(socket.getInputStream());
    out = socket.getOutputStream();
  }

  static byte[] startup(int protocol, String... keyValues) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String s : keyValues) {
      body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
      body.write(0);
    }
    body.write(0);
    byte[] b = body.toByteArray();
    return ByteBuffer.allocate(8 + b.length).putInt(8 + b.length).putInt(protocol).put(b).array();
  }

  static byte[] message(char type, byte[] body) {
    return ByteBuffer.allocate(5 + body.length).put((byte) type).putInt(4 + body.length)
        .put(body).array();
  }

  static byte[] cstring(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(b.length + 1).put(b).put((byte) 0).array();
  }

  void send(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  int readByte() throws IOException {
    return in.read();
  }

  /** The next message, or null at end of stream. */
  Message read() throws IOException {
    int type = in.read();
    if (type < 0) {
      return null;
    }
    int length = in.readInt();
    byte[] body = new byte[length - 4];
    in.readFully(body);
    return new Message((char) type, body);
  }

  /** Reads until a message of the type (returned) or end of stream (null). */
  Message readUntil(char type) throws IOException {
    try {
      for (Message m = read(); m != null; m = read()) {
        if (m.type() == type) {
          return m;
        }
      }
    } catch (EOFException e) {
      return null;
    }
    return null;
  }

  /** Startup and password: returns the first message after them (ReadyForQuery is 'Z'). */
  Message login(String token) throws IOException {
    send(startup(PgSession.PROTOCOL_3_0, "user", "raw", "database", "linode"));
    Message auth = read();
    if (auth == null || auth.type() != 'R') {
      return auth;
    }
    send(message('p', cstring(token)));
    return readUntil('Z');
  }

  @Override public void close() throws IOException {
    socket.close();
  }
}
