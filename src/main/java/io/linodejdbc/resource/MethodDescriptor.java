package io.linodejdbc.resource;

/**
 * One API operation of a resource, in StackQL's terms (its {@code SHOW METHODS} listing).
 *
 * @param name StackQL method name, e.g. {@code get_personal_access_token}
 * @param sqlVerb the SQL verb that reaches it: select, insert, replace, delete
 * @param requiredParams comma-separated required parameters (empty when none)
 * @param description the API's summary of the operation
 */
public record MethodDescriptor(
    String name,
    String sqlVerb,
    String requiredParams,
    String description) {}
