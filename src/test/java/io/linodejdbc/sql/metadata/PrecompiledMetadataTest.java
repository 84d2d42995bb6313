package io.linodejdbc.sql.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMdRowCount;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.Frameworks;
import org.apache.calcite.tools.RelBuilder;
import org.apache.calcite.util.ImmutableBitSet;
import org.junit.jupiter.api.Test;

class PrecompiledMetadataTest {
  @Test void everyGeneratedHandlerServesCalcitesDefaultHandlers() {
    for (Class<? extends MetadataHandler<?>> kind : MetadataHandlerSources.handlerClasses()) {
      List<MetadataHandler<?>> handlers =
          PrecompiledMetadata.distinct(DefaultRelMetadataProvider.INSTANCE.handlers(kind));
      if (handlers.isEmpty()) {
        continue;
      }
      MetadataHandler<?> h = PrecompiledMetadata.precompiled(kind, handlers);
      assertThat(h).as(kind.getName()).isNotNull().isInstanceOf(kind);
      assertThat(h.getClass().getPackageName()).isEqualTo(PrecompiledMetadata.class.getPackageName());
      assertThat(h.getClass().getSimpleName()).isEqualTo(PrecompiledMetadata.className(kind));
    }
  }

  @Test void otherHandlersAreLeftToJanino() {
    Class<BuiltInMetadata.RowCount.Handler> kind = BuiltInMetadata.RowCount.Handler.class;
    List<MetadataHandler<?>> handlers =
        PrecompiledMetadata.distinct(DefaultRelMetadataProvider.INSTANCE.handlers(kind));
    assertThat(PrecompiledMetadata.precompiled(kind, List.of())).isNull();
    List<MetadataHandler<?>> more = new ArrayList<>(handlers);
    more.add(new RelMdRowCount() {}); // someone's own handler: a class the source was not written for
    assertThat(PrecompiledMetadata.precompiled(kind, more)).isNull();
  }

  /** No dynamic proxy (a class generated per kind) where a precompiled handler serves. */
  @Test void initialHandlersAreThePrecompiledOnesWhereThereAreSome() {
    Class<BuiltInMetadata.RowCount.Handler> kind = BuiltInMetadata.RowCount.Handler.class;
    PrecompiledMetadata standard = new PrecompiledMetadata(DefaultRelMetadataProvider.INSTANCE);
    assertThat(standard.handler(kind)).isSameAs(standard.revise(kind));
    assertThat(Proxy.isProxyClass(standard.handler(kind).getClass())).isFalse();
    assertThat(standard.handler(kind).getClass().getSimpleName())
        .isEqualTo(PrecompiledMetadata.className(kind));

    RelMetadataProvider own = ChainedRelMetadataProvider.of(List.of(
        ReflectiveRelMetadataProvider.reflectiveSource(new RelMdRowCount() {}, kind),
        DefaultRelMetadataProvider.INSTANCE));
    PrecompiledMetadata other = new PrecompiledMetadata(own);
    assertThat(Proxy.isProxyClass(other.handler(kind).getClass())).as("Janino's, to revise").isTrue();
    assertThat(other.revise(kind).getClass().getPackageName())
        .isNotEqualTo(PrecompiledMetadata.class.getPackageName());
  }

  @Test void namesFollowCalcitesGenerator() {
    assertThat(PrecompiledMetadata.className(BuiltInMetadata.RowCount.Handler.class))
        .isEqualTo("GeneratedMetadata_RowCountHandler");
  }

  /** The same answers as Janino's handlers, for expressions of several kinds. */
  @Test void answersAsJaninosHandlersDo() {
    RelBuilder b = RelBuilder.create(Frameworks.newConfigBuilder()
        .defaultSchema(Frameworks.createRootSchema(true)).build());
    RelNode values = b.values(new String[] {"a", "b"}, 1, 10, 2, 20, 3, 30, 3, 40).build();
    List<RelNode> rels = new ArrayList<>();
    rels.add(values);
    b.push(values);
    RexNode aIs3 = b.call(SqlStdOperatorTable.EQUALS, b.field("a"), b.literal(3));
    rels.add(b.filter(aIs3).build());
    rels.add(b.push(values).filter(aIs3).project(b.field("b"), b.field("a")).sortLimit(0, 2,
        b.field("b")).build());
    rels.add(b.push(values).aggregate(b.groupKey("a"), b.count(false, "n")).build());
    rels.add(b.push(values).push(values).join(org.apache.calcite.rel.core.JoinRelType.INNER,
        b.equals(b.field(2, 0, "a"), b.field(2, 1, "a"))).build());
    for (RelNode rel : rels) {
      RelOptCluster cluster = rel.getCluster();
      cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(
          JaninoRelMetadataProvider.of(DefaultRelMetadataProvider.INSTANCE)));
      cluster.invalidateMetadataQuery();
      List<Object> janino = answers(cluster.getMetadataQuery(), rel);
      PrecompiledMetadata.install(cluster);
      cluster.invalidateMetadataQuery();
      List<Object> precompiled = answers(cluster.getMetadataQuery(), rel);
      assertThat(precompiled).as(rel.explain()).isEqualTo(janino);
      assertThat(janino.get(0)).as("a row count").isNotNull();
    }
  }

  private static List<Object> answers(RelMetadataQuery mq, RelNode rel) {
    List<Object> a = new ArrayList<>();
    a.add(mq.getRowCount(rel));
    a.add(mq.getMaxRowCount(rel));
    a.add(mq.getMinRowCount(rel));
    a.add(String.valueOf(mq.collations(rel)));
    a.add(String.valueOf(mq.getPulledUpPredicates(rel)));
    a.add(String.valueOf(mq.getNonCumulativeCost(rel)));
    a.add(String.valueOf(mq.getCumulativeCost(rel)));
    a.add(String.valueOf(mq.getUniqueKeys(rel)));
    a.add(mq.areColumnsUnique(rel, ImmutableBitSet.of(0)));
    a.add(mq.getDistinctRowCount(rel, ImmutableBitSet.of(0), null));
    a.add(mq.getSelectivity(rel, null));
    a.add(String.valueOf(mq.getColumnOrigins(rel, 0)));
    a.add(String.valueOf(mq.getAverageRowSize(rel)));
    a.add(String.valueOf(mq.getNodeTypes(rel) == null ? null : mq.getNodeTypes(rel).keySet()));
    return a;
  }
}
