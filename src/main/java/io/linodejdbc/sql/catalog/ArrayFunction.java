package io.linodejdbc.sql.catalog;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.schema.impl.ScalarFunctionImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A catalog function returning an array, with the array's element type declared: Calcite would
 * type a {@code java.util.List} result as an array of {@code ANY}, which other functions then
 * cannot take ({@code replace((current_schemas(true))[1], …)}: pgJDBC's {@code getSchemas}).
 */
final class ArrayFunction implements ScalarFunction, ImplementableFunction {
  /** The element type of each array-returning function, by name. */
  static final Map<String, SqlTypeName> ELEMENTS = Map.of("current_schemas", SqlTypeName.VARCHAR,
      "parse_ident", SqlTypeName.VARCHAR,
      "_int2", SqlTypeName.INTEGER, "_int4", SqlTypeName.INTEGER, "_oid", SqlTypeName.INTEGER);

  private final ScalarFunctionImpl delegate;
  private final SqlTypeName element;

  private ArrayFunction(ScalarFunctionImpl delegate, SqlTypeName element) {
    this.delegate = delegate;
    this.element = element;
  }

  /** The function for {@code m}: typed when it returns an array, else Calcite's own. */
  static ScalarFunction of(Method m) {
    ScalarFunction f = ScalarFunctionImpl.create(m);
    SqlTypeName element = ELEMENTS.get(m.getName());
    return element != null && List.class.isAssignableFrom(m.getReturnType())
        ? new ArrayFunction((ScalarFunctionImpl) f, element) : f;
  }

  @Override public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
    return typeFactory.createTypeWithNullability(typeFactory.createArrayType(
        typeFactory.createTypeWithNullability(typeFactory.createSqlType(element), true), -1),
        true);
  }

  @Override public List<FunctionParameter> getParameters() {
    return delegate.getParameters();
  }

  @Override public CallImplementor getImplementor() {
    return delegate.getImplementor();
  }
}
