package io.linodejdbc.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

  private final TokenStore store = new TokenStore();
  private final String acting = Tokens.secret(1);
  private final Authenticator auth = new Authenticator(acting, store);

  @Test
  void acceptsOnlyBearerActingToken() {
    assertThatCode(() -> auth.check("Bearer " + acting)).doesNotThrowAnyException();
    assertThatCode(() -> auth.check("bearer " + acting)).doesNotThrowAnyException();
    for (String bad : new String[] {null, "", acting, "Basic " + acting, "Bearer x", "Bearer"}) {
      assertThatThrownBy(() -> auth.check(bad)).as(String.valueOf(bad))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(401));
    }
  }

  @Test
  void refusesTheActingTokenOnceRevoked() {
    store.replaceAll(List.of(Tokens.token(1, "self", "2020-01-01T00:00:00")));
    auth.check("Bearer " + acting);
    store.delete(1);
    assertThatThrownBy(() -> auth.check("Bearer " + acting)).isInstanceOf(ApiException.class);
  }

  @Test
  void masksCredentials() {
    assertThat(Authenticator.mask("Bearer " + acting)).isEqualTo("Bearer ***");
    assertThat(Authenticator.mask("secret")).isEqualTo("***");
  }
}
