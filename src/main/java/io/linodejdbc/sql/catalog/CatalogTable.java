package io.linodejdbc.sql.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A table of the system catalogs: fixed columns, rows computed from the {@link CatalogModel}
 * (never from the API: reading a catalog costs no request).
 */
final class CatalogTable extends AbstractTable implements ScannableTable {
  /** A column: name and a short type ({@code int}, {@code bigint}, {@code text}, …). */
  record Column(String name, String type) {
    SqlTypeName sqlType() {
      switch (type) {
      case "int":
      case "oid":
        return SqlTypeName.INTEGER;
      case "bigint":
        return SqlTypeName.BIGINT;
      case "bool":
        return SqlTypeName.BOOLEAN;
      case "real":
        return SqlTypeName.REAL;
      case "float8":
        return SqlTypeName.DOUBLE;
      case "int[]":
      case "text[]":
        return SqlTypeName.ARRAY;
      default:
        return SqlTypeName.VARCHAR;
      }
    }
  }

  final String name;
  final List<Column> columns;
  private final Function<CatalogModel, List<Object[]>> rows;
  private final CatalogModel.Holder model;

  CatalogTable(String name, List<Column> columns, Function<CatalogModel, List<Object[]>> rows,
      CatalogModel.Holder model) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.rows = rows;
    this.model = model;
  }

  /** Columns from {@code "name type"} pairs, e.g. {@code "oid oid", "relname text"}. */
  static List<Column> columns(String... specs) {
    List<Column> out = new ArrayList<>();
    for (String s : specs) {
      int space = s.indexOf(' ');
      out.add(new Column(s.substring(0, space), s.substring(space + 1).trim()
          .toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (Column c : columns) {
      RelDataType t;
      if (c.type().equals("int[]")) {
        t = typeFactory.createArrayType(typeFactory.createSqlType(SqlTypeName.INTEGER), -1);
      } else if (c.type().equals("text[]")) {
        t = typeFactory.createArrayType(typeFactory.createSqlType(SqlTypeName.VARCHAR), -1);
      } else {
        t = typeFactory.createSqlType(c.sqlType());
      }
      b.add(c.name(), typeFactory.createTypeWithNullability(t, true));
    }
    return b.build();
  }

  @Override public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(rows.apply(model.get()));
  }
}
