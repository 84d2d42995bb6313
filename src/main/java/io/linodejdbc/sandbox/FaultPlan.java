package io.linodejdbc.sandbox;

/**
 * Fault injection for reliability tests: decides, per request, whether the sandbox answers
 * normally or misbehaves (see {@link Fault}). Called on the handler thread once per request, after
 * the request body was read and before authentication; must be thread-safe.
 *
 * <p>Off by default ({@link #NONE}); set with {@link SandboxServer#setFaultPlan(FaultPlan)}.
 */
@FunctionalInterface
public interface FaultPlan {

  /** Never injects anything. */
  FaultPlan NONE = request -> Fault.none();

  /** The fault for this request, or {@link Fault#none()}. */
  Fault decide(FaultRequest request);

  /**
   * What a plan can see of a request.
   *
   * @param method HTTP method
   * @param path raw path, e.g. {@code /v4/profile/tokens/5}
   * @param query raw query or null
   * @param xFilter the X-Filter header or null
   */
  record FaultRequest(String method, String path, String query, String xFilter) {
    /** method, path and query as one text, e.g. {@code GET /v4/profile/tokens?page=2&page_size=25}. */
    public String line() {
      return method + " " + path + (query == null ? "" : "?" + query);
    }
  }
}
