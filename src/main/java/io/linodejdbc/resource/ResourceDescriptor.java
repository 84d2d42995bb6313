package io.linodejdbc.resource;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Linode API collection described as data: where it lives, its columns and its key.
 *
 * <p>Adding the next resource (SSH keys, apps, ...) means writing another instance of this class,
 * not another adapter.
 *
 * @param service StackQL service name, e.g. {@code profile}
 * @param name SQL table name, e.g. {@code personal_access_tokens}
 * @param collectionPath API path of the list, relative to the base URL, e.g. {@code /profile/tokens}
 * @param columns the columns in SQL order
 * @param keyColumn name of the column whose value addresses one object ({@code path/{key}})
 * @param description what the table holds
 * @param methods the API operations, as StackQL names them
 * @param itemName what one row is called in messages, e.g. {@code token}
 */
public record ResourceDescriptor(
    String service,
    String name,
    String collectionPath,
    List<ColumnDescriptor> columns,
    String keyColumn,
    String description,
    List<MethodDescriptor> methods,
    String itemName) {

  public ResourceDescriptor {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(collectionPath, "collectionPath");
    columns = List.copyOf(columns);
    methods = List.copyOf(methods);
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(itemName, "itemName");
    if (columns.stream().noneMatch(c -> c.name().equals(keyColumn))) {
      throw new IllegalArgumentException("key column " + keyColumn + " is not a column");
    }
  }

  /** The column with this name, if any. */
  public Optional<ColumnDescriptor> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** Position of a column in SQL order, or -1. */
  public int indexOf(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    return -1;
  }

  /** The column holding an API credential ({@link ColumnDescriptor#credential()}), if any. */
  public Optional<ColumnDescriptor> credentialColumn() {
    return columns.stream().filter(ColumnDescriptor::credential).findFirst();
  }

  /** The column this name or one of its StackQL aliases (any case) denotes, if any. */
  public Optional<ColumnDescriptor> columnOrAlias(String name) {
    Optional<ColumnDescriptor> exact = column(name);
    return exact.isPresent() ? exact : columns.stream()
        .filter(c -> c.aliases().stream().anyMatch(a -> a.equalsIgnoreCase(name))).findFirst();
  }

  /** API path of one object with its key as a placeholder, e.g. {@code /profile/tokens/{id}}. */
  public String objectPathTemplate() {
    return collectionPath + "/{" + keyColumn + "}";
  }

  /** API path of one object, e.g. {@code /profile/tokens/5}. */
  public String objectPath(long key) {
    return collectionPath + "/" + key;
  }
}
