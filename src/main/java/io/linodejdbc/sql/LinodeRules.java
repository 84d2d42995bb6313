package io.linodejdbc.sql;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/** The planner rules of the Linode adapter, registered by {@link LinodeTableScan#register}. */
public final class LinodeRules {
  private LinodeRules() {}

  /** Pushes key lookups and X-Filter pre-filters into the scan. */
  public static final RelOptRule FILTER = LinodeFilterRule.config().toRule();

  /** Lets a scan stop early below a Sort with a limit. */
  public static final RelOptRule SORT_LIMIT = LinodeSortLimitRule.config().toRule();

  /** Lets a scan stop early below a Sort with a limit over an exactly pushed filter. */
  public static final RelOptRule SORT_LIMIT_OVER_FILTER =
      LinodeSortLimitRule.overFilterConfig().toRule();

  /** Answers COUNT(*) from the API's count, in one request. */
  public static final RelOptRule COUNT = LinodeCountRule.config().toRule();

  /** The same over an exactly pushed filter. */
  public static final RelOptRule COUNT_OVER_FILTER = LinodeCountRule.overFilterConfig().toRule();

  /** A join with a constant list of ids, or {@code IN (SELECT … FROM (VALUES …))}: GETs by id. */
  public static final RelOptRule VALUES_JOIN = LinodeValuesJoinRule.config().toRule();

  public static final List<RelOptRule> RULES = List.of(FILTER, SORT_LIMIT, SORT_LIMIT_OVER_FILTER,
      COUNT, COUNT_OVER_FILTER, VALUES_JOIN);
}
