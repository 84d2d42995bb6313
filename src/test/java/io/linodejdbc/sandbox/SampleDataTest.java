package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleDataTest {

  private static final LocalDateTime NOW = LocalDateTime.parse("2026-01-01T00:00:00");

  @Test
  void demoIsFriendlyAndContainsTheActingToken() {
    List<SandboxToken> demo = SampleData.demo();
    assertThat(demo).hasSizeBetween(6, 10);
    assertThat(demo).extracting(SandboxToken::label).contains("ci-deploy", "terraform", "linode-cli", null);
    assertThat(demo).anyMatch(t -> t.secret().equals(SandboxServer.DEFAULT_ACTING_TOKEN));
    assertThat(demo).anyMatch(t -> t.expiry() != null && t.expiry().isBefore(NOW));
    assertThat(demo).anyMatch(t -> t.expiry() == null);
    assertThat(demo).allMatch(t -> t.secret().length() == 64);
    assertThat(SampleData.demo()).isEqualTo(demo);
  }

  @Test
  void adversarialHasEveryRequiredLabelKind() {
    List<SandboxToken> tokens = SampleData.adversarial(1000, 7);
    assertThat(tokens).hasSize(1000);
    assertThat(tokens).extracting(SandboxToken::id).containsExactlyElementsOf(
        java.util.stream.IntStream.rangeClosed(1, 1000).boxed().toList());
    List<String> labels = tokens.stream().map(SandboxToken::label).toList();
    assertThat(labels).contains("deploy", "Deploy", "DEPLOY", "dEpLoY", "{\"+or\":[{\"label\":\"x\"}]}", "}", "]",
        ":", "日本", "İstanbul", "straße", "STRASSE", "cafe\u0301", " ", "..", "%2F");
    assertHas(labels, l -> l.contains("'"), "single quote");
    assertHas(labels, l -> l.contains("\""), "double quote");
    assertHas(labels, l -> l.contains("%"), "percent");
    assertHas(labels, l -> l.contains("_"), "underscore");
    assertHas(labels, l -> l.contains("\\"), "backslash");
    assertHas(labels, l -> l.contains("/"), "slash");
    assertHas(labels, l -> l.codePoints().anyMatch(c -> c > 0xFFFF), "emoji");
    assertHas(labels, l -> l.startsWith(" ") && !l.isBlank(), "leading space");
    assertHas(labels, l -> l.endsWith(" ") && !l.isBlank(), "trailing space");
    assertHas(labels, l -> l.length() == 100, "100 characters");
    assertThat(labels).filteredOn(Objects::isNull).hasSizeGreaterThanOrEqualTo(5);
    assertThat(labels).filteredOn(Objects::nonNull).allMatch(l -> l.codePointCount(0, l.length()) <= 100);
  }

  private static void assertHas(List<String> labels, Predicate<String> kind, String what) {
    assertThat(labels).as(what).anyMatch(l -> l != null && kind.test(l));
  }

  @Test
  void adversarialHasTiesExpiryKindsAndScopeMixes() {
    List<SandboxToken> tokens = SampleData.adversarial(1000, 7);
    Map<LocalDateTime, Long> perSecond = tokens.stream()
        .collect(Collectors.groupingBy(SandboxToken::created, Collectors.counting()));
    assertThat(perSecond.values()).anyMatch(n -> n >= 3);
    assertThat(perSecond.size()).isLessThan(500);
    assertThat(tokens).allMatch(t -> t.created().getYear() >= 2015 && t.created().getYear() <= 2026);
    assertThat(perSecond.keySet()).anyMatch(t -> t.getYear() < 2017).anyMatch(t -> t.getYear() > 2024);
    assertThat(tokens).anyMatch(t -> t.expiry() == null);
    assertThat(tokens).anyMatch(t -> t.expiry() != null && t.expiry().isBefore(NOW));
    assertThat(tokens).anyMatch(t -> t.expiry() != null && t.expiry().isAfter(NOW) && t.expiry().getYear() < 2100);
    assertThat(tokens).anyMatch(t -> SampleData.FAR_FUTURE.equals(t.expiry()));
    assertThat(tokens).anyMatch(t -> t.scopes().equals("*"));
    assertThat(tokens).anyMatch(t -> t.scopes().contains(" "));
    assertThat(tokens).allMatch(t -> Scopes.isValid(t.scopes()));
    assertThat(tokens).allMatch(t -> t.secret().matches("[0-9a-f]{64}"));
    assertThat(tokens.stream().map(SandboxToken::secret).distinct().count()).isEqualTo(1000);
  }

  @Test
  void adversarialIsDeterministicPerSeed() {
    assertThat(SampleData.adversarial(1200, 42)).isEqualTo(SampleData.adversarial(1200, 42));
    assertThat(SampleData.adversarial(1200, 42)).isNotEqualTo(SampleData.adversarial(1200, 43));
    assertThat(SampleData.adversarial(10, 1)).hasSize(10);
  }

  @Test
  void bulkIsPlainDeterministicAndFast() {
    long start = System.nanoTime();
    List<SandboxToken> bulk = SampleData.bulk(100_000, 3);
    assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    assertThat(bulk).hasSize(100_000);
    assertThat(bulk.get(41).label()).isEqualTo("bulk-42");
    assertThat(SampleData.bulk(50, 3)).isEqualTo(bulk.subList(0, 50));
    Map<String, Long> bySecret =
        bulk.stream().collect(Collectors.groupingBy(SandboxToken::secret, Collectors.counting()));
    assertThat(bySecret).hasSize(100_000);
    assertThat(bulk.stream().map(SandboxToken::created).toList()).isSorted();
    assertThat(bulk.stream().map(SandboxToken::scopes).collect(Collectors.toSet()))
        .allMatch(Scopes::isValid).hasSizeGreaterThan(1);
  }
}
