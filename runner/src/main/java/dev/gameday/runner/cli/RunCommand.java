package dev.gameday.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gameday.core.journal.JournalWriter;
import dev.gameday.core.load.LoadResult;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.redact.Secrets;
import dev.gameday.core.redact.TerminalText;
import dev.gameday.core.port.EvidenceSigner;
import dev.gameday.core.port.Platform;
import dev.gameday.core.port.RunStore;
import dev.gameday.core.port.TargetLease;
import dev.gameday.runner.store.JournalStreamer;
import java.util.function.Consumer;
import dev.gameday.core.port.RunClock;
import dev.gameday.core.window.Decision;
import dev.gameday.core.window.WindowPlanner;
import dev.gameday.probes.metrics.MetricsListener;
import dev.gameday.runner.console.ConsoleListener;
import dev.gameday.runner.console.LiveView;
import dev.gameday.core.port.ApplicationMonitor;
import dev.gameday.probes.ProbeViews;
import java.util.concurrent.atomic.AtomicReference;
import dev.gameday.runner.engine.AbortSignal;
import dev.gameday.runner.engine.AbortTriggers;
import dev.gameday.runner.engine.AsyncListener;
import dev.gameday.runner.engine.EngineOptions;
import dev.gameday.runner.engine.CrashAfter;
import dev.gameday.runner.engine.EventBus;
import dev.gameday.runner.engine.JournalListener;
import dev.gameday.runner.engine.RunDirectory;
import dev.gameday.runner.engine.RunEngine;
import dev.gameday.runner.engine.RunPlan;
import dev.gameday.runner.lock.RunLiveness;
import dev.gameday.runner.engine.RunRequest;
import dev.gameday.runner.engine.RunResult;
import dev.gameday.runner.engine.Sleeper;
import dev.gameday.runner.engine.WindowGate;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import dev.gameday.core.model.Notification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gameday run FILE}: runs an experiment against Azure (or the sandbox). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run an experiment: preflight, baseline, inject/hold/revert each fault, verify, "
        + "report. Refuses to start outside the maintenance window. Ctrl-C or SIGTERM reverts "
        + "everything (a second one reverts at once); so does 'gameday abort RUN_DIR' from "
        + "another terminal. Exit: 0 objectives met, 1 missed, 2 invalid, 3 not started, 4 "
        + "aborted, 5 revert incomplete.",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday run experiments/vm-poweroff.yaml",
        "  gameday run experiments/vm-poweroff.yaml --wait-for-window",
        "  gameday run exp.yaml --ignore-window --reason \"incident review, approved by X\"",
        "  gameday run exp.yaml --quiet --output json \\",
        "      --pushgateway http://pushgateway:9091"})
final class RunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Experiment file.")
  Path file;

  @Mixin SigningOptions signing = new SigningOptions();

  @Mixin StoreOption store = new StoreOption();

  @Option(names = "--runs-dir", defaultValue = "${GAMEDAY_RUNS_DIR:-gameday-runs}",
      description = "Where run directories are created (default ${DEFAULT-VALUE}).")
  Path runsDir;

  @Option(names = "--wait-for-window", description = "Wait for the next maintenance window instead of refusing.")
  boolean waitForWindow;

  @Option(names = "--ignore-window", description = "Run outside the maintenance window (needs --reason; journaled).")
  boolean ignoreWindow;

  @Option(names = "--force", description = "Run although an unfinished run holds the same targets (needs --reason).")
  boolean force;

  @Option(names = "--reason", description = "Why the window or the target lock is overridden; written to the journal.")
  String reason;

  @Option(names = "--lock-dir", description = "The folder where runs on this host record the resources they hold"
      + " (default: $GAMEDAY_LOCK_DIR, else ~/.local/state/gameday/locks).")
  Path lockDir;

  @Mixin MetricsOptions metricsOptions = new MetricsOptions();

  @Option(names = "--notify", paramLabel = "CHANNEL=VAR",
      description = "Also notify this receiver (repeatable): teams=VAR, slack=VAR or "
          + "webhook=URL_VAR:SECRET_VAR, naming environment variables that hold the URL and the "
          + "signing secret (never the URL itself).")
  List<String> notify = new ArrayList<>();

  @Option(names = "--notify-wait", defaultValue = "PT30S", description = "How long the end of the"
      + " run waits for notifications still on their way (default ${DEFAULT-VALUE}).")
  Duration notifyWait;

  @Option(names = {"-q", "--quiet"}, description = "Print only the final summary.")
  boolean quiet;

  @Option(names = "--output", defaultValue = "text", description = "text or json (the final summary as JSON on stdout).")
  String output;

  @Option(names = "--probe-client", defaultValue = "${env:GAMEDAY_PROBE_CLIENT:-" + Wiring.DEFAULT_PROBE_CLIENT + "}",
      description = "The probes' HTTP client: loop (default: one event-loop thread for every probe, HTTP/1.1) or okhttp"
          + " (OkHttp on virtual threads, about three times the CPU per request; HTTP/2 over TLS). Default from"
          + " $GAMEDAY_PROBE_CLIENT; see docs/probes.md.")
  String probeClient;

  @Option(names = "--effect-timeout", defaultValue = "PT10M", description = "How long the platform gets to confirm a fault (default ${DEFAULT-VALUE}).")
  Duration effectTimeout;

  @Option(names = "--revert-timeout", defaultValue = "PT15M", description = "How long a revert keeps retrying before it is reported incomplete (default ${DEFAULT-VALUE}).")
  Duration revertTimeout;

  @Spec CommandSpec spec;

  /** How often probe samples are sent to the store (every other event is sent at once). */
  static final Duration STREAM_PERIOD = Duration.ofSeconds(2);
  /** How long the end of a run waits for the store to take its files. */
  static final Duration STORE_FINISH = Duration.ofSeconds(60);

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    if (!output.equals("text") && !output.equals("json")) {
      throw new GamedayException(ExitCodes.INVALID, "--output must be text or json, not " + output);
    }
    if (!Wiring.PROBE_CLIENTS.contains(probeClient)) {
      throw new GamedayException(ExitCodes.INVALID, "--probe-client (or GAMEDAY_PROBE_CLIENT) must be one of "
          + String.join(", ", Wiring.PROBE_CLIENTS) + ", not " + probeClient);
    }
    if ((ignoreWindow || force) && (reason == null || reason.isBlank())) {
      throw new GamedayException(ExitCodes.INVALID, (ignoreWindow ? "--ignore-window" : "--force")
          + " needs --reason \"...\": the journal records why the guard was overridden");
    }
    LoadResult.Loaded loaded = ExperimentFiles.loadOrFail(file, err);
    List<Notification> extra = RunNotices.fromOptions(notify, System::getenv);
    Experiment experiment = loaded.experiment().withNotifications(concat(
        loaded.experiment().notifications(), extra));
    Secrets secrets = loaded.secrets().and(RunNotices.secretsOf(extra));
    Optional<EvidenceSigner> signer = Wiring.signer(signing, experiment::azure);
    if (waitForWindow && !ignoreWindow) {
      waitForWindow(experiment, err);
    }
    EngineOptions options = EngineOptions.defaults().withTimeouts(effectTimeout, revertTimeout);
    if (ignoreWindow) {
      options = options.withIgnoreWindow(reason);
    }
    if (force) {
      options = options.withForce(reason);
    }
    RunClock clock = RunClock.SYSTEM;
    // Everything that can be checked offline is checked before credentials are tried and before
    // a run directory exists: a run that cannot start leaves nothing behind.
    if (!ignoreWindow) {
      refuseOutsideWindow(experiment, clock);
    }
    boolean json = output.equals("json");
    boolean live = !quiet && !json && System.console() != null;
    if (live) {
      // Building the Azure clients takes a moment: say so at once (the live view overwrites it).
      System.out.print(LiveView.STARTING);
      System.out.flush();
    }
    Platform azure = Wiring.connect(experiment, clock);
    Wiring.requireCredentialOutlives(azure, experiment, revertTimeout, clock);
    Consumer<String> warn = w -> {
      err.println("gameday: warning: " + w);
      err.flush();
    };
    Optional<RunStore> runStore = Wiring.store(store);
    TargetLease lease = Wiring.lease(store, lockDir, warn);
    RunMetrics runMetrics = RunMetrics.start(metricsOptions, experiment);
    RunDirectory dir = RunDirectory.create(runsDir, experiment.name(), clock.now());
    copyExperiment(loaded, dir.path().resolve(RunDirectory.EXPERIMENT_COPY));
    // The journal's copy in the store, sent from its own (daemon) thread; finished at the end.
    Optional<JournalStreamer> streamer = runStore.map(s -> new JournalStreamer(s, dir.path(),
        STREAM_PERIOD, warn));
    PrintStream console = System.out;
    RunResult result;
    List<Path> reports;
    PrometheusMeterRegistry registry = runMetrics.registry();
    RunNotices notices = new RunNotices(Wiring.notifier(experiment.notifications()), experiment,
        dir.runId(), secrets);
    try (RunLiveness.Held alive = RunLiveness.hold(dir.path(), "run");
        Platform platform = azure;
        JournalWriter journal = JournalWriter.create(dir.journal())) {
      dev.gameday.core.event.EventListener journalListener =
          new JournalListener(journal, experiment.report().samples());
      EventBus bus = new EventBus(CrashAfter.fromEnv(System::getenv)
          .map(crash -> crash.after(journalListener)).orElse(journalListener), secrets);
      // Notices only queue here; delivery runs on the notifier's own threads.
      bus.add(notices.listener());
      streamer.ifPresent(bus::add);
      AtomicReference<ApplicationMonitor> monitor = new AtomicReference<>();
      LiveView view = null;
      AsyncListener screen = null;
      if (!quiet && !json) {
        // Plain lines first, each whole: the live view's status line comes after them.
        console.print(live ? "\r\033[2K" : "");
        console.println("run directory: " + dir.path());
        runMetrics.url().ifPresent(u -> console.println("metrics: " + u));
        if (live) {
          view = LiveView.onTerminal(console, experiment, () -> monitor.get() instanceof ProbeViews h
              ? h.successRatios() : Map.of());
        }
        // The terminal is served from its own thread: a paused terminal never stalls the run.
        screen = new AsyncListener("console", view != null ? view : new ConsoleListener(console),
            100_000);
        bus.add(screen);
      }
      AsyncListener metricsListener = new AsyncListener("metrics", new MetricsListener(registry),
          100_000);
      bus.add(metricsListener);
      AbortSignal abort = new AbortSignal();
      RunEngine engine = new RunEngine(new RunEngine.Parts(platform,
          e -> {
            ApplicationMonitor m = Wiring.monitor(e, clock, probeClient);
            monitor.set(m);
            return m;
          }, WindowGate::of, lease, clock,
          Sleeper.REAL, Wiring.judge(), options));
      RunRequest request = new RunRequest(experiment, file.toAbsolutePath(), loaded.sha256(),
          loaded.redactedYaml(), VersionProvider.version(), safeOperator(platform));
      try (AbortTriggers triggers = AbortTriggers.install(dir, abort::trigger, true)) {
        result = engine.run(request, dir, bus, abort);
      } finally {
        metricsListener.close();
        if (screen != null) {
          screen.close();
        }
        if (view != null) {
          view.close();
        }
      }
    }
    reports = Wiring.writeReports(dir.path(), experiment, file, signer, err);
    var analysis = Wiring.analysis(dir.path());
    notices.finished(result, Wiring.headlineFigures(analysis), reports, System::getenv);
    runMetrics.finished(dir.path(), dir.runId(), result, analysis, err);
    streamer.ifPresent(s -> s.finish(STORE_FINISH));
    print(result, reports, json, secrets);
    notices.finish(notifyWait, err);
    runMetrics.close();
    return result.exitCode();
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static void refuseOutsideWindow(Experiment experiment, RunClock clock) {
    WindowGate.Admission admission = WindowGate.of(experiment.window())
        .admit(clock.now(), RunPlan.plannedDuration(experiment));
    if (admission instanceof WindowGate.Admission.Refused r) {
      throw new GamedayException(ExitCodes.NOT_STARTED, "not started: " + r.reason()
          + "; wait for it with --wait-for-window, or override with --ignore-window --reason \"...\"");
    }
  }

  /**
   * The experiment as it ran: the file itself, or — when it holds a literal secret such as a URL
   * password — its text with that secret masked (a run reads secrets from the environment, never
   * from this copy).
   */
  private void copyExperiment(LoadResult.Loaded loaded, Path copy) throws IOException {
    if (new String(Files.readAllBytes(file), StandardCharsets.UTF_8).equals(loaded.redactedYaml())) {
      Files.copy(file, copy);
    } else {
      Files.writeString(copy, loaded.redactedYaml());
    }
  }

  private static Map<String, String> safeOperator(Platform platform) {
    try {
      return platform.operator();
    } catch (RuntimeException e) {
      return Map.of("unknown", "the identity could not be read: " + e.getMessage());
    }
  }

  private void waitForWindow(Experiment experiment, PrintWriter err) throws InterruptedException {
    WindowPlanner planner = new WindowPlanner(experiment.window());
    Duration planned = RunPlan.plannedDuration(experiment);
    while (true) {
      Instant now = Instant.now();
      Decision d = planner.admit(now, planned);
      if (d instanceof Decision.Admitted) {
        return;
      }
      Decision.Refused r = (Decision.Refused) d;
      if (r.nextOpening().isEmpty()) {
        throw new GamedayException(ExitCodes.NOT_STARTED, r.reason() + "; no later window opens");
      }
      Instant opens = r.nextOpening().get().start().toInstant();
      err.println("gameday: waiting for the window that opens at " + r.nextOpening().get().start());
      err.flush();
      Thread.sleep(Math.max(1000, Duration.between(now, opens).toMillis() + 1000));
    }
  }

  private void print(RunResult result, List<Path> reports, boolean json, Secrets secrets)
      throws IOException {
    if (json) {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("runDir", result.runDir().toString());
      out.put("outcome", result.outcome().name());
      out.put("exitCode", result.exitCode());
      out.put("summary", secrets.scrub(result.summary()));
      out.put("revertFailures", result.revertFailures());
      out.put("reports", reports.stream().map(Path::toString).toList());
      System.out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
      return;
    }
    PrintStream o = System.out;
    o.println();
    o.println("outcome: " + result.outcome() + " (exit " + result.exitCode() + ")");
    o.println(TerminalText.safe(secrets.scrub(result.summary())));
    if (!result.revertFailures().isEmpty()) {
      o.println();
      o.println("SOMETHING MAY STILL BE INJECTED. Finish by hand with the commands above, or retry:");
      o.println("  gameday rollback " + result.runDir());
    }
    reports.forEach(r -> o.println("report: " + r));
    Optional.of(result.runDir()).ifPresent(d -> o.println("run directory: " + d));
  }
}
