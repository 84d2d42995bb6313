package io.linodejdbc.resource;

import java.util.List;

/** The Linode resources the driver exposes. */
public final class Resources {
  private Resources() {}

  /** {@code linode.profile.personal_access_tokens}: the acting user's personal access tokens. */
  public static final ResourceDescriptor PERSONAL_ACCESS_TOKENS =
      new ResourceDescriptor(
          "profile",
          "personal_access_tokens",
          "/profile/tokens",
          List.of(
              ColumnDescriptor.serverSet("id", ColumnType.INTEGER, false, false,
                  "This token's unique ID, which can be used to revoke it.", "tokenId"),
              ColumnDescriptor.serverSet("created", ColumnType.TIMESTAMP, false, true,
                  "The date and time this token was created (UTC)."),
              new ColumnDescriptor("expiry", "expiry", ColumnType.TIMESTAMP, -1, true, false, true,
                  false,
                  "When this token will expire (UTC). Personal Access Tokens cannot be renewed, so"
                      + " after this time the token will be completely unusable and a new token"
                      + " will need to be generated. NULL: never expires unless revoked.",
                  List.of("data__expiry"), false, ValueRules.futureDateTime()),
              new ColumnDescriptor("label", "label", ColumnType.VARCHAR, 100, true, true, true,
                  true,
                  "This token's label. This is for display purposes only, but can be used to more"
                      + " easily track what you're using each token for.",
                  List.of("data__label"), false, ValueRules.text(1, 100)),
              new ColumnDescriptor("scopes", "scopes", ColumnType.VARCHAR, -1, true, false, true,
                  false,
                  "The scopes this token was created with. These define what parts of the Account"
                      + " the token can be used to access: '*' or space-separated"
                      + " area:read_only / area:read_write.",
                  List.of("data__scopes"), false, ValueRules.scopes(TokenScopes.AREAS)),
              ColumnDescriptor.serverSet("token", ColumnType.VARCHAR, true, false,
                  "The token used to access the API. When the token is created, the full token is"
                      + " returned here. Otherwise, only the first 16 characters are returned.")
                  .asCredential()),
          "id",
          "Personal Access Tokens of the acting user: tokens generated manually to access the"
              + " Linode API without going through an OAuth login.",
          List.of(
              new MethodDescriptor("get_personal_access_token", "select", "tokenId",
                  "Returns a single Personal Access Token."),
              new MethodDescriptor("get_personal_access_tokens", "select", "",
                  "Returns a paginated list of Personal Access Tokens currently active for your"
                      + " User."),
              new MethodDescriptor("post_personal_access_token", "insert", "",
                  "Creates a Personal Access Token for your User. The raw token will be returned in"
                      + " the response, but will never be returned again afterward."),
              new MethodDescriptor("put_personal_access_token", "replace", "tokenId",
                  "Updates a Personal Access Token."),
              new MethodDescriptor("delete_personal_access_token", "delete", "tokenId",
                  "Revokes a Personal Access Token. The token will be invalidated immediately.")),
          "token");

  /** Every resource, for schema building. */
  public static List<ResourceDescriptor> all() {
    return List.of(PERSONAL_ACCESS_TOKENS);
  }
}
