package io.linodejdbc.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Immutable settings of a {@link LinodeClient}.
 *
 * <p>Build with {@link #builder()}; {@link Builder#build()} validates every value and throws
 * {@link IllegalArgumentException} with a message that says how to fix it. The token is optional at
 * build time (so configurations can be assembled step by step), but {@link LinodeClient} refuses to
 * send a request without one. {@link #toString()} never shows the token.
 */
public final class ApiConfig {

  /** The public Linode API v4 endpoint. */
  public static final String DEFAULT_BASE_URL = "https://api.linode.com/v4";
  /** Smallest page size the API accepts. */
  public static final int MIN_PAGE_SIZE = 25;
  /** Largest page size the API accepts; also the default, because it needs the fewest requests. */
  public static final int MAX_PAGE_SIZE = 500;
  // The defaults below are the only ones: the JDBC connection properties show and use these.
  /** Default page size: the largest, because it needs the fewest requests. */
  public static final int DEFAULT_PAGE_SIZE = MAX_PAGE_SIZE;
  /** Default bound on requests in flight at once. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 64;
  /** Default time to establish a TCP/TLS connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Default time to wait for data on an open connection. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
  /** Default number of retries of a retryable request. */
  public static final int DEFAULT_MAX_RETRIES = 4;

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

  private final String baseUrl;
  private final String token;
  private final int pageSize;
  private final int maxConcurrentRequests;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final int maxRetries;
  private final Duration retryBaseDelay;
  private final Duration maxRetryWait;
  private final String userAgent;

  private ApiConfig(Builder b) {
    this.baseUrl = b.baseUrl;
    this.token = b.token;
    this.pageSize = b.pageSize;
    this.maxConcurrentRequests = b.maxConcurrentRequests;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.maxRetries = b.maxRetries;
    this.retryBaseDelay = b.retryBaseDelay;
    this.maxRetryWait = b.maxRetryWait;
    this.userAgent = b.userAgent;
  }

  /** A builder holding the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder initialised with this configuration's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** API root without a trailing slash, e.g. {@code https://api.linode.com/v4}. */
  public String baseUrl() {
    return baseUrl;
  }

  /** The personal access token sent as {@code Authorization: Bearer …}; may be null. Never logged. */
  public String token() {
    return token;
  }

  /** Rows requested per list page, 25..500; default 500. */
  public int pageSize() {
    return pageSize;
  }

  /**
   * Maximum HTTP requests in flight at once for one {@link LinodeClient}; default 64. List calls
   * are further paced by the token's rate-limit headers, so the cap is rarely what binds.
   */
  public int maxConcurrentRequests() {
    return maxConcurrentRequests;
  }

  /** TCP/TLS connect timeout; default 10 s. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** Socket read (and write) timeout; default 30 s. */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** Retries after the first attempt of a retryable request; default 4. */
  public int maxRetries() {
    return maxRetries;
  }

  /** First backoff delay; doubles per retry, with jitter, capped at 10 s. Default 250 ms. */
  public Duration retryBaseDelay() {
    return retryBaseDelay;
  }

  /**
   * Longest server-requested wait ({@code Retry-After}, {@code X-RateLimit-Reset}) the client
   * accepts; a longer one fails the request at once instead of hanging the caller. Default 120 s.
   */
  public Duration maxRetryWait() {
    return maxRetryWait;
  }

  /** The {@code User-Agent} header; default {@code linode-jdbc/<version>}. */
  public String userAgent() {
    return userAgent;
  }

  /** All settings, with the token shown as {@code ***} (or {@code <none>}), never its value. */
  @Override
  public String toString() {
    return "ApiConfig{baseUrl=" + baseUrl
        + ", token=" + (isBlank(token) ? "<none>" : "***")
        + ", pageSize=" + pageSize
        + ", maxConcurrentRequests=" + maxConcurrentRequests
        + ", connectTimeout=" + connectTimeout
        + ", readTimeout=" + readTimeout
        + ", maxRetries=" + maxRetries
        + ", retryBaseDelay=" + retryBaseDelay
        + ", maxRetryWait=" + maxRetryWait
        + ", userAgent=" + userAgent + "}";
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** {@code linode-jdbc/<Implementation-Version>} from the jar manifest, or {@code linode-jdbc/dev}. */
  static String defaultUserAgent() {
    Package pkg = ApiConfig.class.getPackage();
    String version = pkg == null ? null : pkg.getImplementationVersion();
    return "linode-jdbc/" + (isBlank(version) ? "dev" : version);
  }

  /** Mutable, not thread-safe builder of {@link ApiConfig}. */
  public static final class Builder {
    private String baseUrl = DEFAULT_BASE_URL;
    private String token;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int maxConcurrentRequests = DEFAULT_MAX_CONCURRENT_REQUESTS;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private int maxRetries = DEFAULT_MAX_RETRIES;
    private Duration retryBaseDelay = Duration.ofMillis(250);
    private Duration maxRetryWait = Duration.ofSeconds(120);
    private String userAgent = defaultUserAgent();

    private Builder() {}

    private Builder(ApiConfig c) {
      baseUrl = c.baseUrl;
      token = c.token;
      pageSize = c.pageSize;
      maxConcurrentRequests = c.maxConcurrentRequests;
      connectTimeout = c.connectTimeout;
      readTimeout = c.readTimeout;
      maxRetries = c.maxRetries;
      retryBaseDelay = c.retryBaseDelay;
      maxRetryWait = c.maxRetryWait;
      userAgent = c.userAgent;
    }

    /** API root; trailing slashes are removed. Must be https://, or http:// to a loopback host. */
    public Builder baseUrl(String baseUrl) {
      this.baseUrl = baseUrl;
      return this;
    }

    /** The personal access token; null or blank means "none yet". */
    public Builder token(String token) {
      this.token = token;
      return this;
    }

    /** Rows per list page, 25..500. */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** Maximum requests in flight per client, at least 1. */
    public Builder maxConcurrentRequests(int maxConcurrentRequests) {
      this.maxConcurrentRequests = maxConcurrentRequests;
      return this;
    }

    /** Connect timeout; zero means no timeout. */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    /** Read/write timeout; zero means no timeout. */
    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    /** Retries after the first attempt, at least 0. */
    public Builder maxRetries(int maxRetries) {
      this.maxRetries = maxRetries;
      return this;
    }

    /** First backoff delay, not negative. */
    public Builder retryBaseDelay(Duration retryBaseDelay) {
      this.retryBaseDelay = retryBaseDelay;
      return this;
    }

    /** Longest server-requested wait that is honoured, not negative. */
    public Builder maxRetryWait(Duration maxRetryWait) {
      this.maxRetryWait = maxRetryWait;
      return this;
    }

    /** The User-Agent header value; must not be blank. */
    public Builder userAgent(String userAgent) {
      this.userAgent = userAgent;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the bad setting and the fix
     */
    public ApiConfig build() {
      if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("pageSize " + pageSize + " is out of range; use a value from "
            + MIN_PAGE_SIZE + " to " + MAX_PAGE_SIZE + " (the Linode API rejects others)");
      }
      if (maxConcurrentRequests < 1) {
        throw new IllegalArgumentException("maxConcurrentRequests " + maxConcurrentRequests
            + " is too small; use 1 or more");
      }
      if (maxRetries < 0) {
        throw new IllegalArgumentException("maxRetries " + maxRetries + " is negative; use 0 to disable retries");
      }
      requireNonNegative("connectTimeout", connectTimeout);
      requireNonNegative("readTimeout", readTimeout);
      requireNonNegative("retryBaseDelay", retryBaseDelay);
      requireNonNegative("maxRetryWait", maxRetryWait);
      if (isBlank(userAgent) || !isPrintableAscii(userAgent)) {
        throw new IllegalArgumentException(
            "userAgent must be non-blank printable ASCII; leave it unset for the default");
      }
      if (!isBlank(token) && !isPrintableAscii(token.strip())) {
        // Never echo the token: the message may end up in logs.
        throw new IllegalArgumentException("token contains characters that cannot be sent in an HTTP header;"
            + " paste the personal access token exactly as Linode showed it");
      }
      String normalised = validateBaseUrl(baseUrl);
      Builder copy = new Builder();
      copy.baseUrl = normalised;
      copy.token = isBlank(token) ? null : token.strip();
      copy.pageSize = pageSize;
      copy.maxConcurrentRequests = maxConcurrentRequests;
      copy.connectTimeout = connectTimeout;
      copy.readTimeout = readTimeout;
      copy.maxRetries = maxRetries;
      copy.retryBaseDelay = retryBaseDelay;
      copy.maxRetryWait = maxRetryWait;
      copy.userAgent = userAgent;
      return new ApiConfig(copy);
    }

    private static void requireNonNegative(String name, Duration d) {
      if (d == null || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be zero or positive, was " + d);
      }
    }

    private static boolean isPrintableAscii(String s) {
      return s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static String validateBaseUrl(String url) {
      if (isBlank(url)) {
        throw new IllegalArgumentException("baseUrl is empty; use " + DEFAULT_BASE_URL);
      }
      String trimmed = url.strip();
      while (trimmed.endsWith("/")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1);
      }
      URI uri;
      try {
        uri = new URI(trimmed);
      } catch (URISyntaxException e) {
        // The URL itself is echoed: it is the user's own setting and holds no secret we send.
        throw new IllegalArgumentException("baseUrl '" + trimmed + "' is not a valid URL (" + e.getReason()
            + "); use e.g. " + DEFAULT_BASE_URL);
      }
      String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!"https".equals(scheme) && !"http".equals(scheme)) {
        throw new IllegalArgumentException("baseUrl '" + trimmed + "' must start with https:// (e.g. "
            + DEFAULT_BASE_URL + ")");
      }
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        throw new IllegalArgumentException("baseUrl '" + trimmed + "' has no host; use e.g. " + DEFAULT_BASE_URL);
      }
      if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUrl '" + uri.getScheme() + "://" + uri.getHost()
            + "…' must not contain user info, a query or a fragment; use e.g. " + DEFAULT_BASE_URL);
      }
      if ("http".equals(scheme) && !isLoopback(uri.getHost())) {
        throw new IllegalArgumentException("baseUrl '" + trimmed + "' uses http:// to a non-loopback host:"
            + " the token would travel in clear text; use https:// or a loopback address");
      }
      return trimmed;
    }

    /** True for localhost, 127.0.0.0/8 and ::1, decided textually so no DNS lookup can redirect it. */
    static boolean isLoopback(String host) {
      String h = host.toLowerCase(Locale.ROOT);
      if (h.startsWith("[") && h.endsWith("]")) {
        h = h.substring(1, h.length() - 1);
      }
      if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
        return true;
      }
      if (IPV4_LOOPBACK.matcher(h).matches()) {
        for (String part : h.split("\\.")) {
          if (Integer.parseInt(part) > 255) {
            return false;
          }
        }
        return true;
      }
      return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ApiConfig c)) {
      return false;
    }
    return pageSize == c.pageSize && maxConcurrentRequests == c.maxConcurrentRequests && maxRetries == c.maxRetries
        && baseUrl.equals(c.baseUrl) && Objects.equals(token, c.token) && connectTimeout.equals(c.connectTimeout)
        && readTimeout.equals(c.readTimeout) && retryBaseDelay.equals(c.retryBaseDelay)
        && maxRetryWait.equals(c.maxRetryWait) && userAgent.equals(c.userAgent);
  }

  @Override
  public int hashCode() {
    return Objects.hash(baseUrl, token, pageSize, maxConcurrentRequests, connectTimeout, readTimeout, maxRetries,
        retryBaseDelay, maxRetryWait, userAgent);
  }
}
