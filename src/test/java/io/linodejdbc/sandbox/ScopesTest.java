package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScopesTest {

  @Test
  void acceptsWildcardAndKnownAreaLevels() {
    assertThat(Scopes.isValid("*")).isTrue();
    assertThat(Scopes.isValid("linodes:read_only")).isTrue();
    assertThat(Scopes.isValid("account:read_write object_storage:read_only vpc:read_write")).isTrue();
  }

  @Test
  void rejectsEverythingElse() {
    for (String bad : new String[] {null, "", " ", "linodes", "linodes:write", "cars:read_only",
        "linodes:read_only  account:read_only", " linodes:read_only", "linodes:read_only linodes:read_write",
        "* linodes:read_only", "LINODES:read_only"}) {
      assertThat(Scopes.isValid(bad)).as(String.valueOf(bad)).isFalse();
    }
  }
}
