package io.linodejdbc.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny JDK HttpClient wrapper for talking to a running sandbox in tests. */
final class TestHttp {

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** One response: status, parsed JSON body, headers. */
  record Reply(int status, JsonNode json, HttpHeaders headers) {
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final String root;
  private final String token;

  TestHttp(SandboxServer server) {
    this(server, server.actingToken());
  }

  TestHttp(SandboxServer server, String token) {
    this.root = server.baseUrl().substring(0, server.baseUrl().length() - "/v4".length());
    this.token = token;
  }

  Reply get(String path) {
    return send("GET", path, null, null);
  }

  Reply list(String query, String filter) {
    return send("GET", "/v4/profile/tokens" + (query == null ? "" : "?" + query), null, filter);
  }

  Reply send(String method, String path, String body, String filter) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (filter != null) {
      b.header("X-Filter", filter);
    }
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    try {
      HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), MAPPER.readTree(r.body()), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON string literal with every non-ASCII character \\u-escaped, as HTTP headers need. */
  static String asciiJson(String value) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : value.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
