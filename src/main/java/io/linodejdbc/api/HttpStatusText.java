package io.linodejdbc.api;

/**
 * Standard reason phrases, because HTTP/2 responses carry none and a message like "404" alone is terse.
 */
final class HttpStatusText {

  private HttpStatusText() {}

  /** The standard phrase for {@code status}, or a generic class description. */
  static String of(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Payload Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Entity";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> status >= 500 ? "Server Error"
          : status >= 400 ? "Client Error"
          : status >= 300 ? "Redirection"
          : status >= 200 ? "Success" : "Unknown";
    };
  }
}
