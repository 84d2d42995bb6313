package io.linodejdbc.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sandbox.RecordedRequest;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request-conformance check runs on the project's own API description, so it works on a
 * fresh clone with nothing beside it (no {@code ../shared}).
 */
class OpenApiConformanceTest {

  @Test
  void theDescriptionIsTheProjectsOwn() {
    String configured = System.getProperty(OpenApiConformance.PROPERTY);
    System.clearProperty(OpenApiConformance.PROPERTY);
    try {
      Path spec = OpenApiConformance.locateSpec().toAbsolutePath().normalize();
      Path project = Paths.get(System.getProperty("basedir", System.getProperty("user.dir")))
          .toAbsolutePath().normalize();
      assertThat(spec).startsWith(project);
      assertThat(project.relativize(spec).toString().replace(File.separatorChar, '/'))
          .isEqualTo("target/test-classes/linode-api/profile-tokens.openapi.yaml");
      assertThat(project.resolve("src/test/resources/linode-api/profile-tokens.openapi.yaml"))
          .isRegularFile();
    } finally {
      if (configured != null) {
        System.setProperty(OpenApiConformance.PROPERTY, configured);
      }
    }
  }

  @Test
  void bodiesAndParametersAreCheckedAgainstTheDescription() {
    OpenApiConformance v = OpenApiConformance.get();
    assertThat(v.violations(request("POST", "/v4/profile/tokens", null,
        "{\"label\":\"ci\",\"expiry\":\"2030-01-01T00:00:00\",\"scopes\":\"*\"}"))).isEmpty();
    assertThat(v.violations(request("PUT", "/v4/profile/tokens/7", null, "{\"label\":\"x\"}")))
        .isEmpty();
    assertThat(v.violations(request("DELETE", "/v4beta/profile/tokens/7", null, ""))).isEmpty();

    assertThat(v.violations(request("POST", "/v4/profile/tokens", null, "{\"secret\":\"x\"}")))
        .anyMatch(m -> m.contains("[openapi]"));
    assertThat(v.violations(request("POST", "/v4/profile/tokens", null,
        "{\"expiry\":\"2030-01-01T00:00:00Z\"}"))).anyMatch(m -> m.contains("[openapi]"));
    assertThat(v.violations(request("POST", "/v4/profile/tokens", null,
        "{\"label\":\"" + "x".repeat(101) + "\"}"))).anyMatch(m -> m.contains("[openapi]"));
    assertThat(v.violations(request("PUT", "/v4/profile/tokens/7", null,
        "{\"label\":\"x\",\"scopes\":\"*\"}"))).anyMatch(m -> m.contains("[openapi]"));
    assertThat(v.violations(request("GET", "/v5/profile/tokens", "page=1", null)))
        .anyMatch(m -> m.contains("[openapi]"));
    assertThat(v.violations(request("GET", "/v4/profile/tokens", "page_size=501", null)))
        .anyMatch(m -> m.contains("[openapi]"));
    assertThat(v.violations(request("DELETE", "/v4/profile/tokens/0", null, "")))
        .anyMatch(m -> m.contains("[openapi]"));
  }

  /**
   * A separate JVM whose working directory and {@code basedir} are an empty folder: nothing is
   * beside it, yet the check runs and still tells a good request from a bad one.
   */
  @Test
  void runsWithNothingBesideTheProject(@TempDir Path empty) throws Exception {
    Path dir = Files.createDirectories(empty.resolve("clone"));
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> cmd = new ArrayList<>(List.of(
        Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dbasedir=" + dir, "-cp", cp, Probe.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    Process p = pb.start();
    p.getOutputStream().close();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("probe finished").isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("good=0").containsPattern("bad=[1-9]")
        .doesNotContain("shared/linode-api");
    assertThat(Files.exists(dir.resolve("../shared"))).isFalse();
  }

  /** Run by {@link #runsWithNothingBesideTheProject}. */
  public static final class Probe {
    public static void main(String[] args) {
      OpenApiConformance v = OpenApiConformance.get();
      System.out.println("spec=" + v.spec());
      System.out.println("good=" + v.violations(
          request("GET", "/v4/profile/tokens", "page=1&page_size=500", null)).size());
      System.out.println("bad=" + v.violations(
          request("GET", "/v4/profile/tokens/abc", null, null)).size());
    }
  }

  static RecordedRequest request(String method, String path, String query, String body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer ***");
    headers.put("Accept", "application/json");
    if (body != null && !body.isEmpty()) {
      headers.put("Content-Type", "application/json");
    }
    return new RecordedRequest(method, path, query, headers, body, 200, Instant.EPOCH);
  }
}
