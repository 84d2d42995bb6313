package io.linodejdbc.testing;

import java.io.File;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Calls {@code com.atlassian.oai.validator.OpenApiInteractionValidator} reflectively, in a class
 * loader where it can work.
 *
 * <p>Why: Maven's nearest-wins resolution puts {@code commons-lang3 3.1} on the test class path
 * (through calcite-core → uzaygezen-core), while swagger-request-validator 2.46 / swagger-core 2.2
 * need 3.18 ({@code StringUtils.prependIfMissing} does not exist in 3.1: the validator dies with
 * {@code NoSuchMethodError}). pom.xml is not ours to change, so when the class path has the old
 * commons-lang3, the validator is loaded in an isolated loader holding the test class path with
 * commons-lang3 replaced by the newest version found next to it in the local Maven repository.
 * When pom.xml pins a recent commons-lang3 the ordinary class loader is used. If no usable
 * commons-lang3 is found the bridge throws: conformance is never skipped silently.
 */
final class ValidatorBridge {
  private final ClassLoader loader;
  private final Object validator;
  private final Constructor<?> requestBuilder;
  private final Method withQueryParam;
  private final Method withHeader;
  private final Method withBody;
  private final Method build;
  private final Method validateRequest;
  private final Method getMessages;
  private final Method getLevel;
  private final Method getKey;
  private final Method getMessage;

  ValidatorBridge(String specJson) {
    loader = loader();
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(loader); // the parser finds its extensions through ServiceLoader
    try {
      Class<?> validatorClass =
          Class.forName("com.atlassian.oai.validator.OpenApiInteractionValidator", true, loader);
      Object builder = validatorClass.getMethod("createForInlineApiSpecification", String.class)
          .invoke(null, specJson);
      validator = builder.getClass().getMethod("build").invoke(builder);
      Class<?> rb = Class.forName("com.atlassian.oai.validator.model.SimpleRequest$Builder", true, loader);
      requestBuilder = rb.getConstructor(String.class, String.class);
      withQueryParam = rb.getMethod("withQueryParam", String.class, List.class);
      withHeader = rb.getMethod("withHeader", String.class, List.class);
      withBody = rb.getMethod("withBody", String.class);
      build = rb.getMethod("build");
      Class<?> request = Class.forName("com.atlassian.oai.validator.model.Request", true, loader);
      validateRequest = validatorClass.getMethod("validateRequest", request);
      Class<?> report = Class.forName("com.atlassian.oai.validator.report.ValidationReport", true, loader);
      getMessages = report.getMethod("getMessages");
      Class<?> message =
          Class.forName("com.atlassian.oai.validator.report.ValidationReport$Message", true, loader);
      getLevel = message.getMethod("getLevel");
      getKey = message.getMethod("getKey");
      getMessage = message.getMethod("getMessage");
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot set up the OpenAPI validator", e);
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  /** The ERROR-level messages for one request. */
  List<String> errors(String method, String path, Map<String, List<String>> query,
      Map<String, String> headers, String body) {
    Thread t = Thread.currentThread();
    ClassLoader previous = t.getContextClassLoader();
    t.setContextClassLoader(loader);
    try {
      Object b = requestBuilder.newInstance(method, path);
      for (Map.Entry<String, List<String>> e : query.entrySet()) {
        withQueryParam.invoke(b, e.getKey(), e.getValue());
      }
      for (Map.Entry<String, String> e : headers.entrySet()) {
        withHeader.invoke(b, e.getKey(), List.of(e.getValue()));
      }
      if (body != null && !body.isEmpty()) {
        withBody.invoke(b, body);
      }
      Object report = validateRequest.invoke(validator, build.invoke(b));
      List<String> out = new ArrayList<>();
      for (Object m : (List<?>) getMessages.invoke(report)) {
        if (String.valueOf(getLevel.invoke(m)).equals("ERROR")) {
          out.add(getKey.invoke(m) + ": " + getMessage.invoke(m));
        }
      }
      return out;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("OpenAPI validation failed to run", e);
    } finally {
      t.setContextClassLoader(previous);
    }
  }

  private static ClassLoader loader() {
    ClassLoader own = ValidatorBridge.class.getClassLoader();
    if (recentLang3(own)) {
      return own;
    }
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    Path oldLang3 = null;
    for (String entry : cp.split(File.pathSeparator)) {
      if (entry.isBlank()) {
        continue;
      }
      Path p = Paths.get(entry);
      if (p.getFileName() != null && p.getFileName().toString().startsWith("commons-lang3-")) {
        oldLang3 = p;
        continue;
      }
      urls.add(url(p));
    }
    Path replacement = oldLang3 == null ? null : newestLang3(oldLang3).orElse(null);
    if (replacement == null) {
      throw new IllegalStateException("The test class path has commons-lang3 older than 3.18 ("
          + oldLang3 + ") and no newer commons-lang3 jar was found beside it; the OpenAPI validator"
          + " cannot run. Pin org.apache.commons:commons-lang3 (>= 3.18) in pom.xml.");
    }
    urls.add(0, url(replacement));
    URLClassLoader isolated =
        new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
    if (!recentLang3(isolated)) {
      throw new IllegalStateException("isolated loader still lacks a recent commons-lang3");
    }
    return isolated;
  }

  private static boolean recentLang3(ClassLoader loader) {
    try {
      Class<?> su = Class.forName("org.apache.commons.lang3.StringUtils", false, loader);
      su.getMethod("prependIfMissing", String.class, CharSequence.class, CharSequence[].class);
      Class.forName("org.apache.commons.lang3.Strings", false, loader); // 3.18+
      return true;
    } catch (ReflectiveOperationException | LinkageError e) {
      return false;
    }
  }

  /** The newest commons-lang3 (>= 3.18) in the repository directory holding {@code old}. */
  private static Optional<Path> newestLang3(Path old) {
    Path artifactDir = old.toAbsolutePath().getParent().getParent(); // .../commons-lang3/
    if (artifactDir == null || !Files.isDirectory(artifactDir)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(artifactDir)) {
      return versions
          .filter(Files::isDirectory)
          .filter(v -> compareVersions(v.getFileName().toString(), "3.18") >= 0)
          .map(v -> v.resolve("commons-lang3-" + v.getFileName() + ".jar"))
          .filter(Files::isRegularFile)
          .max(Comparator.comparing(j -> j.getParent().getFileName().toString(),
              ValidatorBridge::compareVersions));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  private static int compareVersions(String a, String b) {
    String[] x = a.split("[.-]");
    String[] y = b.split("[.-]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      int p = i < x.length ? parse(x[i]) : 0;
      int q = i < y.length ? parse(y[i]) : 0;
      if (p != q) {
        return Integer.compare(p, q);
      }
    }
    return 0;
  }

  private static int parse(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static URL url(Path p) {
    try {
      return p.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(p.toString(), e);
    }
  }
}
