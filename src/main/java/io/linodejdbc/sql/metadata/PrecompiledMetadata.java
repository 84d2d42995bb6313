package io.linodejdbc.sql.metadata;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.rel.metadata.JaninoRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Calcite's metadata handlers compiled with the driver instead of by Janino at the first plan.
 *
 * <p>Calcite answers metadata (row counts, collations, predicates, costs) through one generated
 * class per kind of metadata, which dispatches on the kind of relational expression to the
 * handlers a {@link RelMetadataProvider} lists; it writes each class's Java source and compiles it
 * with Janino the first time a plan needs it, about a quarter of a second for a process's first
 * query. The same source, written by Calcite's generator at development time
 * ({@code MetadataHandlerSources}), is compiled with the driver in this package. A generated class
 * is used only for the exact handlers it was written for (its {@code HANDLERS}: their classes,
 * in the provider's order); any other list (a provider of someone else's, or a Calcite whose
 * handlers changed) is compiled by Janino as before. So the answers are the same code's either
 * way.
 */
public final class PrecompiledMetadata implements MetadataHandlerProvider {
  /** Handler instances by kind and handler list, as Janino caches its compiled ones. */
  private static final Map<List<Object>, MetadataHandler<?>> HANDLERS = new ConcurrentHashMap<>();

  private final RelMetadataProvider provider;
  /** This provider's precompiled handler per kind, or empty for Janino's; looked up once. */
  private final Map<Class<?>, Optional<MetadataHandler<?>>> resolved =
      new ConcurrentHashMap<>();

  PrecompiledMetadata(RelMetadataProvider provider) {
    this.provider = provider;
  }

  /**
   * Makes {@code cluster}'s metadata queries use the precompiled handlers for whatever metadata
   * provider the cluster has at the time (planner programs change it).
   */
  public static void install(RelOptCluster cluster) {
    // Planners make a new metadata query after every rule they apply: the handlers resolved for
    // a provider are kept while the cluster keeps that provider.
    AtomicReference<PrecompiledMetadata> last = new AtomicReference<>();
    cluster.setMetadataQuerySupplier(() -> {
      RelMetadataProvider current = cluster.getMetadataProvider();
      if (current == null) {
        return RelMetadataQuery.instance();
      }
      PrecompiledMetadata p = last.get();
      if (p == null || p.provider != current) {
        p = new PrecompiledMetadata(current);
        last.set(p);
      }
      return new RelMetadataQuery(p);
    });
  }

  /**
   * The precompiled handler at once when there is one; else, as Janino's, a handler that throws
   * {@code NoHandler}, so that the query asks to revise it. (Janino's is a dynamic proxy: a class
   * generated per kind of metadata, some 25 of them at a process's first plan.)
   */
  @Override public <MH extends MetadataHandler<?>> MH handler(Class<MH> handlerClass) {
    MetadataHandler<?> h = precompiledFor(handlerClass);
    return h != null ? handlerClass.cast(h)
        : JaninoRelMetadataProvider.of(provider).handler(handlerClass);
  }

  @Override public <MH extends MetadataHandler<?>> MH revise(Class<MH> handlerClass) {
    MetadataHandler<?> h = precompiledFor(handlerClass);
    return h != null ? handlerClass.cast(h)
        : JaninoRelMetadataProvider.of(provider).revise(handlerClass);
  }

  /**
   * The precompiled handler for the provider's handlers of a kind, or null; looked up once per
   * kind (a provider's handler lists do not change).
   */
  private @Nullable MetadataHandler<?> precompiledFor(
      Class<? extends MetadataHandler<?>> handlerClass) {
    return resolved.computeIfAbsent(handlerClass,
        k -> Optional.ofNullable(lookUp(handlerClass))).orElse(null);
  }

  private @Nullable MetadataHandler<?> lookUp(Class<? extends MetadataHandler<?>> handlerClass) {
    List<MetadataHandler<?>> handlers = distinct(provider.handlers(handlerClass));
    List<Object> key = new ArrayList<>(handlers.size() + 1);
    key.add(handlerClass);
    key.addAll(handlers);
    MetadataHandler<?> h = HANDLERS.get(key);
    if (h == null) {
      h = precompiled(handlerClass, handlers);
      if (h == null) {
        return null;
      }
      HANDLERS.putIfAbsent(key, h);
    }
    return h;
  }

  /** The generated class's instance for exactly {@code handlers}, or null. */
  static @Nullable MetadataHandler<?> precompiled(Class<? extends MetadataHandler<?>> handlerClass,
      List<MetadataHandler<?>> handlers) {
    Class<?> generated;
    try {
      generated = Class.forName(PrecompiledMetadata.class.getPackageName() + "."
          + className(handlerClass), true, PrecompiledMetadata.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return null;
    }
    StringJoiner names = new StringJoiner(",");
    handlers.forEach(h -> names.add(h.getClass().getName()));
    try {
      if (!handlerClass.isAssignableFrom(generated) || generated.getConstructors().length != 1
          || !names.toString().equals(generated.getField("HANDLERS").get(null))) {
        return null;
      }
      Constructor<?> constructor = generated.getConstructors()[0];
      return (MetadataHandler<?>) constructor.newInstance(handlers.toArray());
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The handlers once each, in order, as Calcite's generator takes them. */
  static List<MetadataHandler<?>> distinct(List<? extends MetadataHandler<?>> handlers) {
    return new ArrayList<>(new LinkedHashSet<MetadataHandler<?>>(handlers));
  }

  /** The generated class's simple name, as Calcite's generator names it. */
  static String className(Class<?> handlerClass) {
    String simple = handlerClass.getSimpleName();
    if (simple.equals("Handler")) {
      String[] parts = handlerClass.getName().split("[.$]");
      simple = parts[parts.length - 2] + parts[parts.length - 1];
    }
    return "GeneratedMetadata_" + simple;
  }
}
