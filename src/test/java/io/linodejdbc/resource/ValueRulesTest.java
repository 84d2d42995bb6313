package io.linodejdbc.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link ValueRules}: what each documented rule accepts, how it sends it, and how it refuses. */
class ValueRulesTest {
  /** 2030-06-15T12:00:00 UTC. */
  private static final Clock NOW = Clock.fixed(Instant.parse("2030-06-15T12:00:00Z"), ZoneOffset.UTC);

  private static InvalidValueException refused(ValueRule rule, Object value) {
    return catchThrowableOfType(InvalidValueException.class, () -> rule.check("col", value, NOW));
  }

  @Test void textCountsCodePointsBetweenItsBounds() {
    ValueRule rule = ValueRules.text(1, 3);
    assertThat(rule.check("col", "abc", NOW)).isEqualTo("abc");
    assertThat(rule.check("col", "a\uD83D\uDE00c", NOW)).as("an emoji is one character")
        .isEqualTo("a\uD83D\uDE00c");
    InvalidValueException empty = refused(rule, "");
    assertThat(empty.problem()).isEqualTo(InvalidValueException.Problem.INVALID);
    assertThat(empty).hasMessage("col must not be empty");
    InvalidValueException tooLong = refused(rule, "abcd");
    assertThat(tooLong.problem()).isEqualTo(InvalidValueException.Problem.TOO_LONG);
    assertThat(tooLong).hasMessage("col is 4 characters long; the API allows 1 to 3");
    assertThat(refused(ValueRules.text(2, 5), "a"))
        .hasMessage("col must be at least 2 characters long");
  }

  @Test void textRefusesAnUnpairedSurrogate() {
    InvalidValueException lone = refused(ValueRules.text(1, 10), "ab\uD83Dc");
    assertThat(lone.problem()).isEqualTo(InvalidValueException.Problem.UNSENDABLE_CHARACTER);
    assertThat(lone).hasMessageContaining("unpaired UTF-16 surrogate at position 2");
    assertThat(refused(ValueRules.text(1, 10), "\uDE00").problem())
        .isEqualTo(InvalidValueException.Problem.UNSENDABLE_CHARACTER);
  }

  @Test void futureDateTimeSendsUtcInTheApisFormat() {
    ValueRule rule = ValueRules.futureDateTime();
    assertThat(rule.check("col", "2031-01-02T03:04:05", NOW)).isEqualTo("2031-01-02T03:04:05");
    assertThat(rule.check("col", " 2031-01-02 03:04:05 ", NOW)).isEqualTo("2031-01-02T03:04:05");
    assertThat(rule.check("col", "2031-01-02", NOW)).isEqualTo("2031-01-02T00:00:00");
    assertThat(rule.check("col", "2031-01-02T03:04:05.987", NOW)).as("no fraction")
        .isEqualTo("2031-01-02T03:04:05");
    assertThat(rule.check("col", "2031-01-02T03:04:05Z", NOW)).isEqualTo("2031-01-02T03:04:05");
    assertThat(rule.check("col", "2031-01-02T03:04:05+02:00", NOW)).as("an offset, made UTC")
        .isEqualTo("2031-01-02T01:04:05");
    assertThat(rule.check("col", LocalDateTime.of(2030, 6, 15, 12, 0, 1), NOW))
        .isEqualTo("2030-06-15T12:00:01");
  }

  @Test void futureDateTimeRefusesThePastNowAndNonsense() {
    ValueRule rule = ValueRules.futureDateTime();
    assertThat(refused(rule, "2030-06-15T12:00:00"))
        .hasMessage("col 2030-06-15T12:00:00 is not in the future (times are UTC); use NULL for"
            + " one that never expires");
    assertThat(refused(rule, "2030-06-15T13:00:00+02:00")).as("11:00 UTC")
        .hasMessageContaining("2030-06-15T11:00:00 is not in the future");
    InvalidValueException nonsense = refused(rule, "next tuesday");
    assertThat(nonsense.problem()).isEqualTo(InvalidValueException.Problem.INVALID);
    assertThat(nonsense).hasMessage("col 'next tuesday' is not a date-time; write it as"
        + " YYYY-MM-DDTHH:MM:SS (UTC)");
  }

  @Test void scopesAreAStarOrKnownAreasOnceEach() {
    ValueRule rule = ValueRules.scopes(Set.of("linodes", "domains"));
    assertThat(rule.check("col", " * ", NOW)).isEqualTo("*");
    assertThat(rule.check("col", "linodes:read_only   domains:read_write", NOW))
        .isEqualTo("linodes:read_only domains:read_write");
    assertThat(refused(rule, "  ")).hasMessage("col must be '*' or space-separated"
        + " area:read_only / area:read_write");
    assertThat(refused(rule, "volumes:read_only"))
        .hasMessage("scope 'volumes:read_only' names an unknown area; known areas: domains, linodes");
    assertThat(refused(rule, "linodes:write"))
        .hasMessage("scope 'linodes:write' must end in :read_only or :read_write");
    assertThat(refused(rule, "linodes")).hasMessageContaining("must end in :read_only");
    assertThat(refused(rule, "linodes:read_only linodes:read_write"))
        .hasMessage("col name the area 'linodes' twice");
  }

  @Test void theTokenResourceUsesTheseRules() {
    ResourceDescriptor tokens = Resources.PERSONAL_ACCESS_TOKENS;
    ValueRule label = tokens.column("label").orElseThrow().rule();
    assertThat(label.check("label", "x".repeat(100), NOW)).hasSize(100);
    assertThat(refused(label, "x".repeat(101)).problem())
        .isEqualTo(InvalidValueException.Problem.TOO_LONG);
    ValueRule scopes = tokens.column("scopes").orElseThrow().rule();
    assertThat(scopes.check("scopes", "account:read_only", NOW)).isEqualTo("account:read_only");
    assertThat(tokens.column("id").orElseThrow().rule()).as("a column Linode sets has none")
        .isNull();
  }
}
