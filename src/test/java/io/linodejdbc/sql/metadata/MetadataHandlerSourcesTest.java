package io.linodejdbc.sql.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MetadataHandlerSourcesTest {
  /**
   * The committed handlers are what Calcite's generator writes for this Calcite; after an upgrade
   * this fails until {@code MetadataHandlerSources} is run again.
   */
  @Test void committedHandlersAreWhatTheGeneratorWrites() throws IOException {
    Map<String, String> generated = MetadataHandlerSources.generate();
    Set<String> committed;
    try (Stream<Path> files = Files.list(MetadataHandlerSources.DIRECTORY)) {
      committed = files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("GeneratedMetadata_")).collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(committed).isEqualTo(generated.keySet());
    for (Map.Entry<String, String> e : generated.entrySet()) {
      assertThat(Files.readString(MetadataHandlerSources.DIRECTORY.resolve(e.getKey())))
          .as(e.getKey()).isEqualTo(e.getValue());
    }
  }

  @Test void everyBuiltInKindWithHandlersIsWritten() {
    assertThat(MetadataHandlerSources.generate()).containsKeys(
        "GeneratedMetadata_RowCountHandler.java", "GeneratedMetadata_CollationHandler.java",
        "GeneratedMetadata_NonCumulativeCostHandler.java", "GeneratedMetadata_PredicatesHandler.java",
        "GeneratedMetadata_NodeTypesHandler.java").hasSizeGreaterThanOrEqualTo(20);
  }
}
