package io.linodejdbc.sql.prepare;

import static org.assertj.core.api.Assertions.assertThat;

import io.linodejdbc.sql.PgFunctions;
import java.util.List;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.schema.impl.ReflectiveFunctionBase;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.validate.SqlUserDefinedFunction;
import org.junit.jupiter.api.Test;

/** {@link PgOperatorTable}'s own functions are the operators Calcite's catalog reader makes. */
class PgOperatorTableTest {

  @Test void driverFunctionsAreTheOperatorsCalciteMakesOfTheClass() {
    List<SqlOperator> ours = PgOperatorTable.functions().getOperatorList();
    List<SqlOperator> calcites =
        CalciteCatalogReader.operatorTable(PgFunctions.class.getName()).getOperatorList();
    assertThat(ours).hasSameSizeAs(calcites).hasSizeGreaterThan(10);
    for (int i = 0; i < ours.size(); i++) {
      SqlOperator a = ours.get(i);
      SqlOperator b = calcites.get(i);
      assertThat(a.getName()).isEqualTo(b.getName());
      assertThat(a.getClass()).isEqualTo(b.getClass());
      assertThat(a).isInstanceOf(SqlUserDefinedFunction.class);
      assertThat(a.getKind()).as(a.getName()).isEqualTo(b.getKind());
      assertThat(a.getSyntax()).as(a.getName()).isEqualTo(b.getSyntax());
      assertThat(((SqlUserDefinedFunction) a).getFunctionType()).as(a.getName())
          .isEqualTo(((SqlUserDefinedFunction) b).getFunctionType());
      assertThat(((ReflectiveFunctionBase) ((SqlUserDefinedFunction) a).getFunction()).method)
          .as(a.getName())
          .isEqualTo(((ReflectiveFunctionBase) ((SqlUserDefinedFunction) b).getFunction()).method);
      assertThat(((SqlUserDefinedFunction) a).getParamNames()).as(a.getName())
          .isEqualTo(((SqlUserDefinedFunction) b).getParamNames());
    }
  }
}
