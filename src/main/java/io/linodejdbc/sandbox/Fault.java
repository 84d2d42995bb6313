package io.linodejdbc.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One injected misbehaviour of the sandbox (see {@link FaultPlan}). Immutable.
 *
 * <p>A fault may first stall (sleep before answering) and then either answer normally
 * ({@link Kind#NONE}) or replace the answer: a status with a body, a dropped connection, a body cut
 * short, or arbitrary bytes.
 */
public final class Fault {

  /** What replaces the normal answer. */
  public enum Kind {
    /** The normal answer (possibly after a stall). */
    NONE,
    /** A status line, headers and a complete body of the fault's choosing. */
    RESPONSE,
    /** The connection is closed without any response. */
    DROP_CONNECTION,
    /** 200 with a Content-Length larger than what is sent; the connection is then closed. */
    TRUNCATED_BODY
  }

  /** Writes a response body; may write a lot (streamed, never held in memory by the sandbox). */
  @FunctionalInterface
  public interface BodyWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  private static final Fault NONE = new Fault(Kind.NONE, Duration.ZERO, 0, Map.of(), null, -1);

  private final Kind kind;
  private final Duration stall;
  private final int status;
  private final Map<String, String> headers;
  private final BodyWriter body;
  private final long declaredLength;

  private Fault(Kind kind, Duration stall, int status, Map<String, String> headers, BodyWriter body,
      long declaredLength) {
    this.kind = kind;
    this.stall = stall;
    this.status = status;
    this.headers = Map.copyOf(headers);
    this.body = body;
    this.declaredLength = declaredLength;
  }

  /** No fault. */
  public static Fault none() {
    return NONE;
  }

  /** Sleeps {@code d}, then answers normally (a read timeout shorter than {@code d} fires first). */
  public static Fault stall(Duration d) {
    return new Fault(Kind.NONE, Objects.requireNonNull(d), 0, Map.of(), null, -1);
  }

  /** {@code status} with the Linode error body {@code {"errors":[{"reason": reason}]}}. */
  public static Fault status(int status, String reason) {
    return status(status, reason, Map.of());
  }

  /** Like {@link #status(int, String)} with extra headers (e.g. {@code Retry-After}). */
  public static Fault status(int status, String reason, Map<String, String> headers) {
    return body(status, headers, Json.bytes(Json.errors(java.util.List.of(ApiError.of(reason)))));
  }

  /** 429 with {@code Retry-After: seconds}. */
  public static Fault tooManyRequests(long retryAfterSeconds) {
    return status(429, "Too Many Requests", Map.of("Retry-After", Long.toString(retryAfterSeconds)));
  }

  /** {@code status} with exactly these body bytes (Content-Type application/json). */
  public static Fault body(int status, Map<String, String> headers, byte[] bytes) {
    byte[] copy = bytes.clone();
    return new Fault(Kind.RESPONSE, Duration.ZERO, status, withJsonType(headers), out -> out.write(copy),
        copy.length);
  }

  /**
   * {@code status} with a streamed body; {@code declaredLength} is the Content-Length to announce,
   * or -1 for chunked transfer.
   */
  public static Fault streamed(int status, Map<String, String> headers, long declaredLength, BodyWriter body) {
    return new Fault(Kind.RESPONSE, Duration.ZERO, status, withJsonType(headers), Objects.requireNonNull(body),
        declaredLength);
  }

  /** The connection is closed before any response byte is sent. */
  public static Fault dropConnection() {
    return new Fault(Kind.DROP_CONNECTION, Duration.ZERO, 0, Map.of(), null, -1);
  }

  /** 200 announcing {@code declaredLength} bytes but sending only {@code prefix}, then closing. */
  public static Fault truncatedBody(String prefix, long declaredLength) {
    byte[] bytes = prefix.getBytes(StandardCharsets.UTF_8);
    if (declaredLength <= bytes.length) {
      throw new IllegalArgumentException("declared length must exceed what is sent");
    }
    return new Fault(Kind.TRUNCATED_BODY, Duration.ZERO, 200, withJsonType(Map.of()), out -> out.write(bytes),
        declaredLength);
  }

  /** This fault, answered only after sleeping {@code d}. */
  public Fault afterStall(Duration d) {
    return new Fault(kind, Objects.requireNonNull(d), status, headers, body, declaredLength);
  }

  public Kind kind() {
    return kind;
  }

  public Duration stallDuration() {
    return stall;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  BodyWriter bodyWriter() {
    return body;
  }

  public long declaredLength() {
    return declaredLength;
  }

  /** True if nothing at all is injected. */
  public boolean isNone() {
    return kind == Kind.NONE && stall.isZero();
  }

  private static Map<String, String> withJsonType(Map<String, String> headers) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.putAll(headers);
    return h;
  }

  @Override
  public String toString() {
    return "Fault[" + kind + (stall.isZero() ? "" : ", stall " + stall.toMillis() + " ms")
        + (status == 0 ? "" : ", " + status) + (headers.isEmpty() ? "" : ", " + headers) + "]";
  }
}
