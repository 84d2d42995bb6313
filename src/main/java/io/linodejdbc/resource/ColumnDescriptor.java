package io.linodejdbc.resource;

import java.util.Objects;

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
    String description) {

  public ColumnDescriptor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jsonField, "jsonField");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
  }

  /** True when the API sets this column and a client can never write it. */
  public boolean readOnly() {
    return !writableOnCreate && !writableOnUpdate;
  }
}
