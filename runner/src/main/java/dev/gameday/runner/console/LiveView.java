package dev.gameday.runner.console;

import dev.gameday.reports.analysis.Durations;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.Phase;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.redact.TerminalText;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The live view for a terminal: the same event lines as {@link ConsoleListener}, with a status
 * line kept at the bottom and redrawn four times a second and at once when the terminal is
 * resized — the phase, the current step, the hold countdown, and each probe's state and success
 * ratio over its window. The status line never wraps: when it does not fit the terminal's width
 * the probes are summed up in one group ("3 probes: 2 ok, 1 BREACHED"), and what still does not
 * fit is cut. It reads "starting…" until the first phase begins, and says that nothing is
 * recorded yet while the probes warm up.
 */
public final class LiveView implements EventListener, AutoCloseable {
  private static final String CLEAR_LINE = "\r\033[2K";
  /** What the status line says before the first phase begins. */
  public static final String STARTING = "starting\u2026";
  /** What the status line says while the probes warm up before the baseline. */
  static final String WARMING_UP = "probes warming up, nothing recorded yet";

  private final PrintStream out;
  private final ConsoleListener lines;
  private final Experiment experiment;
  private final Supplier<Map<String, Double>> ratios;
  private final IntSupplier width;
  private final Map<String, SteadyStatus> states = new ConcurrentHashMap<>();
  private final Thread painter;
  private volatile Phase phase;
  private volatile String step = "";
  private volatile Instant holdEnds;
  private volatile boolean closed;
  /** The last status line the painter computed; event lines reuse it and never compute one. */
  private volatile String lastStatus = STARTING;

  /**
   * @param ratios each running probe's success ratio over its window (empty before the probes
   *     start)
   * @param width the terminal's width in columns, asked before each redraw
   */
  public LiveView(PrintStream out, Experiment experiment, Supplier<Map<String, Double>> ratios,
      IntSupplier width) {
    this.out = out;
    this.experiment = experiment;
    this.ratios = ratios;
    this.width = width;
    this.lines = new ConsoleListener(new PrintStream(new LinePrinter(), true));
    paint();
    this.painter = Thread.ofVirtual().name("gameday-live-view").start(this::paintLoop);
  }

  /** A live view on the controlling terminal, following its width and redrawn on resize. */
  public static LiveView onTerminal(PrintStream out, Experiment experiment,
      Supplier<Map<String, Double>> ratios) {
    AtomicReference<LiveView> view = new AtomicReference<>();
    TerminalWidth width = TerminalWidth.follow(() -> {
      LiveView v = view.get();
      if (v != null) {
        v.paint();
      }
    });
    view.set(new LiveView(out, experiment, ratios, width));
    return view.get();
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

  /** The status line as it is drawn now, at most {@code columns - 1} characters wide. */
  String status(Instant now, int columns) {
    int room = Math.max(10, columns - 1);
    Phase p = phase;
    if (p == null) {
      return fit(STARTING, room);
    }
    StringBuilder head = new StringBuilder().append(p).append(step.isEmpty() ? "" : " " + step);
    if (p == Phase.WARMUP) {
      // The probes run but record nothing yet: no state or ratio to show.
      return fit(head + " | " + WARMING_UP, room);
    }
    if (holdEnds != null) {
      Duration left = Duration.between(now, holdEnds);
      head.append(" ").append(left.isNegative() ? "0s" : Durations.human(left.withNanos(0)))
          .append(" left");
    }
    Map<String, Double> r = new TreeMap<>(ratios.get());
    StringBuilder each = new StringBuilder();
    r.forEach((probe, ratio) -> each.append(" | ").append(probe).append(' ')
        .append(breached(probe) ? "BREACHED" : "ok")
        .append(' ').append(String.format(Locale.ROOT, "%.0f%%", ratio * 100)));
    String full = TerminalText.safe(head + each.toString());
    if (full.length() <= room || r.size() < 2) {
      return fit(full, room);
    }
    long bad = r.keySet().stream().filter(this::breached).count();
    String group = " | " + r.size() + " probes: " + (r.size() - bad) + " ok"
        + (bad == 0 ? "" : ", " + bad + " BREACHED");
    return fit(TerminalText.safe(head + group), room);
  }

  private boolean breached(String probe) {
    return states.getOrDefault(probe, SteadyStatus.STEADY) == SteadyStatus.BREACHED;
  }

  /** {@code text} cut to {@code room} characters, with an ellipsis where it was cut. */
  static String fit(String text, int room) {
    return text.length() <= room ? text : text.substring(0, room - 1) + "\u2026";
  }

  /** Draws the status line now (also from the resize signal's thread). */
  void paint() {
    if (closed) {
      return;
    }
    // Computed outside every lock: it asks the probe monitor, which must never wait on us.
    String line = status(Instant.now(), width.getAsInt());
    lastStatus = line;
    synchronized (out) {
      out.print(CLEAR_LINE + line);
      out.flush();
    }
  }

  private void paintLoop() {
    while (!closed) {
      paint();
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
