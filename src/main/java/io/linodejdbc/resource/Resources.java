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
              new ColumnDescriptor("id", "id", ColumnType.INTEGER, -1, false, false, false, false,
                  "This token's unique ID, which can be used to revoke it."),
              new ColumnDescriptor("created", "created", ColumnType.TIMESTAMP, -1, false, true,
                  false, false,
                  "The date and time this token was created (UTC)."),
              new ColumnDescriptor("expiry", "expiry", ColumnType.TIMESTAMP, -1, true, false, true,
                  false,
                  "When this token will expire (UTC). Personal Access Tokens cannot be renewed, so"
                      + " after this time the token will be completely unusable and a new token"
                      + " will need to be generated. NULL: never expires unless revoked."),
              new ColumnDescriptor("label", "label", ColumnType.VARCHAR, 100, true, true, true,
                  true,
                  "This token's label. This is for display purposes only, but can be used to more"
                      + " easily track what you're using each token for."),
              new ColumnDescriptor("scopes", "scopes", ColumnType.VARCHAR, -1, true, false, true,
                  false,
                  "The scopes this token was created with. These define what parts of the Account"
                      + " the token can be used to access: '*' or space-separated"
                      + " area:read_only / area:read_write."),
              new ColumnDescriptor("token", "token", ColumnType.VARCHAR, -1, true, false, false,
                  false,
                  "The token used to access the API. When the token is created, the full token is"
                      + " returned here. Otherwise, only the first 16 characters are returned.")),
          "id",
          "Personal Access Tokens of the acting user: tokens generated manually to access the"
              + " Linode API without going through an OAuth login.",
          List.of(
              new MethodDescriptor("get_personal_access_token", "select", "GET",
                  "/profile/tokens/{tokenId}", "tokenId",
                  "Returns a single Personal Access Token."),
              new MethodDescriptor("get_personal_access_tokens", "select", "GET",
                  "/profile/tokens", "",
                  "Returns a paginated list of Personal Access Tokens currently active for your"
                      + " User."),
              new MethodDescriptor("post_personal_access_token", "insert", "POST",
                  "/profile/tokens", "",
                  "Creates a Personal Access Token for your User. The raw token will be returned in"
                      + " the response, but will never be returned again afterward."),
              new MethodDescriptor("put_personal_access_token", "replace", "PUT",
                  "/profile/tokens/{tokenId}", "tokenId",
                  "Updates a Personal Access Token."),
              new MethodDescriptor("delete_personal_access_token", "delete", "DELETE",
                  "/profile/tokens/{tokenId}", "tokenId",
                  "Revokes a Personal Access Token. The token will be invalidated immediately.")));

  /**
   * The areas a token scope may name ({@code area:read_only} / {@code area:read_write}), as the
   * API documents them.
   */
  public static final java.util.Set<String> TOKEN_SCOPE_AREAS = java.util.Set.of(
      "account", "databases", "domains", "events", "firewall", "images", "ips", "linodes", "lke",
      "longview", "nodebalancers", "object_storage", "stackscripts", "volumes", "vpc");

  /** Every resource, for schema building. */
  public static List<ResourceDescriptor> all() {
    return List.of(PERSONAL_ACCESS_TOKENS);
  }
}
