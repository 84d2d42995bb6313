package io.linodejdbc.resource;

/**
 * One API operation of a resource, in StackQL's terms (its {@code SHOW METHODS} listing).
 *
 * @param name StackQL method name, e.g. {@code get_personal_access_token}
 * @param sqlVerb the SQL verb that reaches it: select, insert, replace, delete
 * @param httpMethod GET, POST, PUT or DELETE
 * @param pathTemplate path relative to the base URL, e.g. {@code /profile/tokens/{tokenId}}
 * @param requiredParams comma-separated required parameters (empty when none)
 * @param description the API's summary of the operation
 */
public record MethodDescriptor(
    String name,
    String sqlVerb,
    String httpMethod,
    String pathTemplate,
    String requiredParams,
    String description) {}
