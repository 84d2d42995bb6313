package io.linodejdbc.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Every logger at DEBUG, every event kept, until {@link #close()} restores the configuration:
 * for tests that search what the driver logged (for secrets, above all).
 */
public final class LogCapture implements AutoCloseable {
  private final LoggerContext context;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private LogCapture() {
    context = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.DEBUG);
    for (Logger logger : context.getLoggerList()) {
      if (logger.getLevel() != null && logger != root) {
        logger.setLevel(Level.DEBUG);
      }
    }
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  public static LogCapture atDebug() {
    return new LogCapture();
  }

  /** How many events were logged. */
  public int events() {
    return appender.list.size();
  }

  /** Every message and stack trace logged so far. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : List.copyOf(appender.list)) {
      lines.add(event.getFormattedMessage());
      if (event.getThrowableProxy() != null) {
        lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
    return lines;
  }

  @Override public void close() {
    context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    context.reset();
    try {
      new ch.qos.logback.classic.util.ContextInitializer(context).autoConfig();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
