package io.linodejdbc.api;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * Failure of one Linode API request (after any retries), or of a paginated listing.
 *
 * <p>Unchecked because it has to travel through Calcite enumerators. The message is one readable line,
 * e.g. {@code GET /profile/tokens/5 failed: 404 Not Found: Not found [field: x]}. It never contains the
 * token, the Authorization header or a request/response body; only the {@code reason}/{@code field}
 * pairs of an error body are quoted.
 */
public class LinodeApiException extends RuntimeException {

  /** What kind of failure this is. */
  public enum Kind {
    /** The server answered with a non-2xx status (including an unexpected 3xx redirect). */
    HTTP_STATUS,
    /** Connect or read timed out. */
    TIMEOUT,
    /** No usable response: connection refused or reset, unexpected end of stream. */
    TRANSPORT,
    /** A 2xx response whose body is not valid JSON, is truncated or has an unexpected shape. */
    MALFORMED_RESPONSE,
    /** The pages of a listing contradict each other: the list changed while it was being read. */
    INCONSISTENT_LISTING,
    /** The request was stopped by close(), Statement.cancel or thread interruption. */
    CANCELLED
  }

  private final Kind kind;
  private final int status;
  private final String method;
  private final String path;
  private final List<ApiError> errors;
  private final Long retryAfterSeconds;
  private final int attempts;

  private LinodeApiException(Builder b) {
    super(message(b), b.cause);
    this.kind = b.kind;
    this.status = b.status;
    this.method = b.method;
    this.path = b.path;
    this.errors = List.copyOf(b.errors);
    this.retryAfterSeconds = b.retryAfterSeconds;
    this.attempts = b.attempts;
  }

  /**
   * Starts describing a failure. Public so that other layers (and their tests) can raise the same type.
   *
   * @param kind   the failure kind
   * @param method the HTTP method, e.g. {@code GET}
   * @param path   the path relative to the base URL, with query; must not contain secrets
   */
  public static Builder builder(Kind kind, String method, String path) {
    return new Builder(kind, method, path);
  }

  /** HTTP status, or 0 when no response was received. */
  public int status() {
    return status;
  }

  /** HTTP method, e.g. {@code GET}. */
  public String method() {
    return method;
  }

  /** Path relative to the base URL, with query, e.g. {@code /profile/tokens?page=2&page_size=500}. */
  public String path() {
    return path;
  }

  /** Every {reason, field} of the error body; empty if there was none. */
  public List<ApiError> errors() {
    return errors;
  }

  /** The failure kind. */
  public Kind kind() {
    return kind;
  }

  /** The wait the server asked for (Retry-After, or until X-RateLimit-Reset), if any. */
  public OptionalLong retryAfterSeconds() {
    return retryAfterSeconds == null ? OptionalLong.empty() : OptionalLong.of(retryAfterSeconds);
  }

  /** How many attempts were made; 0 if the request was never sent. */
  public int attempts() {
    return attempts;
  }

  private static String message(Builder b) {
    StringBuilder sb = new StringBuilder();
    sb.append(b.method).append(' ').append(b.path).append(" failed: ");
    switch (b.kind) {
      case HTTP_STATUS -> sb.append(b.status).append(' ').append(HttpStatusText.of(b.status));
      case TIMEOUT -> sb.append("timed out");
      case TRANSPORT -> sb.append("no usable response (connection failed)");
      case MALFORMED_RESPONSE -> sb.append("malformed response");
      case INCONSISTENT_LISTING -> sb.append("the list changed while it was being read; run the query again");
      case CANCELLED -> sb.append("cancelled");
      default -> throw new AssertionError(b.kind);
    }
    if (!b.errors.isEmpty()) {
      sb.append(": ").append(b.errors.stream().map(ApiError::toString).collect(Collectors.joining("; ")));
    }
    if (b.detail != null && !b.detail.isEmpty()) {
      sb.append(": ").append(b.detail);
    }
    if (b.attempts > 1) {
      sb.append(" (after ").append(b.attempts).append(" attempts)");
    }
    return sb.toString();
  }

  /** Builder of {@link LinodeApiException}. */
  public static final class Builder {
    private final Kind kind;
    private final String method;
    private final String path;
    private int status;
    private List<ApiError> errors = List.of();
    private String detail;
    private Long retryAfterSeconds;
    private int attempts = 1;
    private Throwable cause;

    private Builder(Kind kind, String method, String path) {
      this.kind = Objects.requireNonNull(kind, "kind");
      this.method = Objects.requireNonNull(method, "method");
      this.path = Objects.requireNonNull(path, "path");
    }

    /** HTTP status; 0 when no response was received. */
    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /** The parsed error entries. */
    public Builder errors(List<ApiError> errors) {
      this.errors = List.copyOf(errors);
      return this;
    }

    /** Extra explanation appended to the message; must not contain secrets or bodies. */
    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    /** The server-requested wait, in seconds. */
    public Builder retryAfterSeconds(long seconds) {
      this.retryAfterSeconds = seconds;
      return this;
    }

    /** Number of attempts made. */
    public Builder attempts(int attempts) {
      this.attempts = attempts;
      return this;
    }

    /** The underlying cause; must not carry a body or secret in its message. */
    public Builder cause(Throwable cause) {
      this.cause = cause;
      return this;
    }

    /** Builds the exception. */
    public LinodeApiException build() {
      return new LinodeApiException(this);
    }
  }
}
