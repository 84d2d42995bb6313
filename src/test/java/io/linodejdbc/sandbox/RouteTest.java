package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linodejdbc.sandbox.Route.Operation;
import org.junit.jupiter.api.Test;

class RouteTest {

  @Test
  void resolvesTheFiveOperationsUnderV4AndV4beta() {
    assertThat(Route.resolve("GET", "/v4/profile/tokens")).isEqualTo(new Route(Operation.LIST, 0));
    assertThat(Route.resolve("POST", "/v4beta/profile/tokens")).isEqualTo(new Route(Operation.CREATE, 0));
    assertThat(Route.resolve("GET", "/v4/profile/tokens/12")).isEqualTo(new Route(Operation.GET, 12));
    assertThat(Route.resolve("PUT", "/v4/profile/tokens/12")).isEqualTo(new Route(Operation.UPDATE, 12));
    assertThat(Route.resolve("DELETE", "/v4beta/profile/tokens/2147483647"))
        .isEqualTo(new Route(Operation.DELETE, Integer.MAX_VALUE));
  }

  @Test
  void unknownPathsAndImpossibleIdsAre404() {
    for (String path : new String[] {"/", "/v4", "/v4/profile/tokens/", "/v5/profile/tokens",
        "/v4/profile/tokens/abc", "/v4/profile/tokens/0", "/v4/profile/tokens/-1",
        "/v4/profile/tokens/2147483648", "/v4/profile/tokens/1/x", "/v4/profile/tokens%2F1"}) {
      assertThatThrownBy(() -> Route.resolve("GET", path)).as(path)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
  }

  @Test
  void wrongMethodsAre405WithAllow() {
    assertThatThrownBy(() -> Route.resolve("PUT", "/v4/profile/tokens"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(405);
          assertThat(e.headers()).containsEntry("Allow", "GET, POST");
        });
    assertThatThrownBy(() -> Route.resolve("POST", "/v4/profile/tokens/1"))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.headers()).containsEntry("Allow", "GET, PUT, DELETE"));
  }
}
