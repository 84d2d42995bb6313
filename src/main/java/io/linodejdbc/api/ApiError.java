package io.linodejdbc.api;

/**
 * One entry of the Linode API's error body {@code {"errors":[{"reason":"…","field":"…"}]}}.
 *
 * @param reason the human-readable reason the API gave; never null (an empty string if the API sent none)
 * @param field  the dotted path of the request field the error is about, or null when the error is general
 */
public record ApiError(String reason, String field) {

  /** Normalises a missing reason to the empty string so callers never meet a null reason. */
  public ApiError {
    reason = reason == null ? "" : reason;
  }

  /** Renders {@code reason} or {@code reason [field: f]}, the form used in exception messages. */
  @Override
  public String toString() {
    return field == null ? reason : reason + " [field: " + field + "]";
  }
}
