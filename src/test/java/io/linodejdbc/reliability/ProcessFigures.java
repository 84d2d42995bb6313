package io.linodejdbc.reliability;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Run sizes and process figures (heap, threads, sockets) of the reliability suite. Its data set
 * and corpus are the differential test's: {@link io.linodejdbc.testing.SandboxFixture#differentialTokens()}
 * and {@link io.linodejdbc.testing.Corpus}.
 */
final class ProcessFigures {
  private ProcessFigures() {}

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
