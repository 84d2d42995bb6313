package io.linodejdbc.sandbox;

import java.util.Objects;

/**
 * One entry of the API's error envelope {@code {"errors":[{"reason":…,"field":…}]}}.
 *
 * @param reason what went wrong, always present
 * @param field the offending request field, or {@code null} when the error is not about one field
 */
record ApiError(String reason, String field) {

  ApiError {
    Objects.requireNonNull(reason, "reason");
  }

  /** An error that is not about a single field. */
  static ApiError of(String reason) {
    return new ApiError(reason, null);
  }
}
