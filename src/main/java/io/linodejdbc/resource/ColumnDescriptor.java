package io.linodejdbc.resource;

import java.util.List;
import java.util.Objects;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * One column of a resource: its SQL name and type, the JSON field it comes from, and what the API
 * lets a client do with it.
 *
 * @param name SQL column name (lower case)
 * @param jsonField name of the field in the API's JSON objects
 * @param type SQL type
 * @param maxLength maximum length of a VARCHAR, or -1 when the API states none
 * @param nullable whether the API may return {@code null}
 * @param filterable whether the API accepts the field in {@code X-Filter} (documented
 *     {@code __Filterable__})
 * @param writableOnCreate whether POST accepts it in the request body
 * @param writableOnUpdate whether PUT may change it
 * @param description the API's own description of the field
 * @param aliases other names StackQL gives the column (e.g. {@code data__label} for a request-body
 *     field, {@code tokenId} for the path parameter of the key)
 * @param credential whether the column holds an API credential (secret-bearing: the full value
 *     is shown once, at creation; lists show its first 16 characters, which is how the driver
 *     recognises the connection's own)
 * @param rule what the API accepts when the column is written, or null for a column no client
 *     writes
 */
public record ColumnDescriptor(
    String name,
    String jsonField,
    ColumnType type,
    int maxLength,
    boolean nullable,
    boolean filterable,
    boolean writableOnCreate,
    boolean writableOnUpdate,
    String description,
    List<String> aliases,
    boolean credential,
    @Nullable ValueRule rule) {

  public ColumnDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jsonField, "jsonField");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    aliases = List.copyOf(aliases);
    if ((writableOnCreate || writableOnUpdate) && rule == null) {
      throw new IllegalArgumentException("writable column " + name + " needs a value rule");
    }
  }

  /** A column Linode sets: no client writes it. */
  public static ColumnDescriptor serverSet(String name, ColumnType type, boolean nullable,
      boolean filterable, String description, String... aliases) {
    return new ColumnDescriptor(name, name, type, -1, nullable, filterable, false, false,
        description, List.of(aliases), false, null);
  }

  /** This column, also holding a credential. */
  public ColumnDescriptor asCredential() {
    return new ColumnDescriptor(name, jsonField, type, maxLength, nullable, filterable,
        writableOnCreate, writableOnUpdate, description, aliases, true, rule);
  }

  /** True when the API sets this column and a client can never write it. */
  public boolean readOnly() {
    return !writableOnCreate && !writableOnUpdate;
  }
}
