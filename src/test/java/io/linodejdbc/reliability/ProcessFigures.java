package io.linodejdbc.reliability;

import io.linodejdbc.sandbox.SampleData;
import io.linodejdbc.sandbox.SandboxToken;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Shared pieces of the reliability suite: data, corpus, sizes, and process figures. */
final class Rel {
  private Rel() {}

  /** Full-size runs: {@code -Dlinodejdbc.reliability.full=true}. CI runs scaled-down sizes. */
  static boolean full() {
    return Boolean.getBoolean("linodejdbc.reliability.full");
  }

  /** An integer system property, or {@code ci} / {@code full} by {@link #full()}. */
  static int size(String property, int ci, int full) {
    String v = System.getProperty(property);
    if (v != null && !v.isBlank()) {
      return Integer.parseInt(v.strip());
    }
    return full() ? full : ci;
  }

  /** The differential data set: {@code SampleData.adversarial(1200, 42)} plus the Greek sigma labels. */
  static List<SandboxToken> differentialTokens() {
    List<SandboxToken> t = new ArrayList<>(SampleData.adversarial(1200, 42));
    LocalDateTime tie = LocalDateTime.of(2015, 5, 5, 2, 25, 15);
    String[] extra = {"ΑΣΑ", "ΟΔΟΣ ΑΣΑ", "σας"};
    for (int i = 0; i < extra.length; i++) {
      t.add(new SandboxToken(1201 + i, extra[i], "*", tie, null, String.format("extra%059d", i)));
    }
    return List.copyOf(t);
  }

  /** One corpus query. */
  record Query(int line, String sql, boolean ordered) {
    String name() {
      String oneLine = sql.replaceAll("\\s+", " ");
      return "line " + line + ": " + (oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine);
    }
  }

  /** The read corpus {@code differential/read-corpus.sql}, as the differential test reads it. */
  static List<Query> corpus() {
    return io.linodejdbc.testing.Corpus.load("/differential/read-corpus.sql").stream()
        .map(q -> new Query(q.line(), q.sql(), q.ordered())).toList();
  }

  // ---- process figures ----------------------------------------------------------------------

  /** Open file descriptors of this process that are sockets (Linux /proc/self/fd), or -1. */
  static int openSockets() {
    Path fd = Path.of("/proc/self/fd");
    if (!Files.isDirectory(fd)) {
      return -1;
    }
    int n = 0;
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(fd)) {
      for (Path p : ds) {
        try {
          if (Files.readSymbolicLink(p).toString().startsWith("socket:")) {
            n++;
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    } catch (IOException e) {
      return -1;
    }
    return n;
  }

  /** Heap in use after asking for full GCs until it settles, in bytes. */
  static long heapAfterGc() {
    long best = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      best = Math.min(best, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }
    return best;
  }

  static int liveThreads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }

  /** Live threads whose name starts with {@code linode-jdbc-}. */
  static Set<Thread> driverThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("linode-jdbc-"))
        .collect(Collectors.toSet());
  }

  /** Waits (generously) for threads to end; returns those still alive. */
  static Set<Thread> awaitEnd(Set<Thread> threads, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    for (Thread t : threads) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left > 0) {
        t.join(left);
      }
    }
    return threads.stream().filter(Thread::isAlive).collect(Collectors.toSet());
  }

  static String mb(long bytes) {
    return String.format("%.1f MB", bytes / 1048576.0);
  }
}
