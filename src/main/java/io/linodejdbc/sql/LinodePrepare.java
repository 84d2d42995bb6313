package io.linodejdbc.sql;

import java.lang.reflect.Type;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.util.TryThreadLocal;

/**
 * Calcite's statement preparation with the driver's adjustments:
 * <ul>
 *   <li>{@code IN} lists of any length stay predicates ({@code id IN (1, ..., 10000)}) instead of
 *       becoming a join with a VALUES table at 20 elements, so that the filter rule can turn them
 *       into key lookups.
 * </ul>
 */
public class LinodePrepare extends CalcitePrepareImpl {

  @Override public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query,
      Type elementType, long maxRowCount) {
    try (TryThreadLocal.Memo ignored =
             Prepare.THREAD_INSUBQUERY_THRESHOLD.push(Integer.MAX_VALUE)) {
      return super.prepareSql(context, query, elementType, maxRowCount);
    }
  }
}
