package dev.gameday.reports.render;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf's log through SLF4J (logger {@code com.openhtmltopdf.<area>}), so the CLI's
 * logging settings govern it; by default it printed its timings to standard error through
 * java.util.logging.
 */
final class PdfLog implements XRLogger {
  @Override
  public void log(String where, Level level, String msg) {
    log(where, level, msg, null);
  }

  @Override
  public void log(String where, Level level, String msg, Throwable th) {
    Logger log = LoggerFactory.getLogger(where);
    int v = level.intValue();
    if (v >= Level.SEVERE.intValue()) {
      log.error(msg, th);
    } else if (v >= Level.WARNING.intValue()) {
      log.warn(msg, th);
    } else if (v >= Level.INFO.intValue()) {
      log.info(msg, th);
    } else {
      log.debug(msg, th);
    }
  }

  @Override
  public void setLevel(String logger, Level level) {
    // Levels are SLF4J's to set.
  }

  @Override
  public boolean isLogLevelEnabled(Diagnostic diagnostic) {
    Logger log = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
    int v = diagnostic.getLevel().intValue();
    return v >= Level.SEVERE.intValue() ? log.isErrorEnabled()
        : v >= Level.WARNING.intValue() ? log.isWarnEnabled()
        : v >= Level.INFO.intValue() ? log.isInfoEnabled() : log.isDebugEnabled();
  }
}
