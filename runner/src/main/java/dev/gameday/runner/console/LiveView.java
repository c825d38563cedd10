package dev.gameday.runner.console;

import dev.gameday.reports.analysis.Durations;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultStep;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The live view for a terminal: the same event lines as {@link ConsoleListener}, with a status
 * line kept at the bottom and redrawn four times a second — the phase, the current step, the
 * hold countdown, and each probe's state and success ratio over its window.
 */
public final class LiveView implements EventListener, AutoCloseable {
  private static final String CLEAR_LINE = "\r\033[2K";

  private final PrintStream out;
  private final ConsoleListener lines;
  private final Experiment experiment;
  private final Supplier<Map<String, Double>> ratios;
  private final Map<String, SteadyStatus> states = new ConcurrentHashMap<>();
  private final Thread painter;
  private volatile Phase phase = Phase.PREFLIGHT;
  private volatile String step = "";
  private volatile Instant holdEnds;
  private volatile boolean closed;
  /** The last status line the painter computed; event lines reuse it and never compute one. */
  private volatile String lastStatus = "";

  /**
   * @param ratios each running probe's success ratio over its window (empty before the probes
   *     start)
   */
  public LiveView(PrintStream out, Experiment experiment, Supplier<Map<String, Double>> ratios) {
    this.out = out;
    this.experiment = experiment;
    this.ratios = ratios;
    this.lines = new ConsoleListener(new PrintStream(new LinePrinter(), true));
    this.painter = Thread.ofVirtual().name("gameday-live-view").start(this::paintLoop);
  }

  @Override
  public void on(TimelineEvent event) {
    switch (event) {
      case TimelineEvent.PhaseStarted p -> {
        phase = p.phase();
        step = p.step().orElse("");
        holdEnds = p.phase() == Phase.HOLD ? p.at().utc().plus(hold(step)) : null;
      }
      case TimelineEvent.SteadyStateChanged c -> states.put(c.probe(), c.status());
      default -> { }
    }
    lines.on(event);
  }

  private Duration hold(String stepName) {
    return experiment.fault(stepName).map(FaultStep::hold).orElse(Duration.ZERO);
  }

  /** The status line as it is drawn now. */
  String status(Instant now) {
    StringBuilder b = new StringBuilder();
    b.append(phase).append(step.isEmpty() ? "" : " " + step);
    if (holdEnds != null) {
      Duration left = Duration.between(now, holdEnds);
      b.append(" ").append(left.isNegative() ? "0s" : Durations.human(left.withNanos(0)))
          .append(" left");
    }
    Map<String, Double> r = new TreeMap<>(ratios.get());
    r.forEach((probe, ratio) -> b.append(" | ").append(probe).append(' ')
        .append(states.getOrDefault(probe, SteadyStatus.STEADY) == SteadyStatus.BREACHED ? "BREACHED" : "ok")
        .append(' ').append(String.format(Locale.ROOT, "%.0f%%", ratio * 100)));
    return b.toString();
  }

  private void paintLoop() {
    while (!closed) {
      // Computed outside every lock: it asks the probe monitor, which must never wait on us.
      String line = status(Instant.now());
      lastStatus = line;
      synchronized (out) {
        out.print(CLEAR_LINE + line);
        out.flush();
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    painter.interrupt();
    synchronized (out) {
      out.print(CLEAR_LINE);
      out.flush();
    }
  }

  /** Event lines clear the status line first; the painter draws it again. */
  private final class LinePrinter extends java.io.OutputStream {
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

    @Override
    public void write(int b) {
      if (b == '\n') {
        synchronized (out) {
          out.print(CLEAR_LINE + line.toString(java.nio.charset.StandardCharsets.UTF_8) + "\n"
              + lastStatus);
          out.flush();
        }
        line.reset();
      } else {
        line.write(b);
      }
    }
  }

}
