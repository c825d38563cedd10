package dev.gameday.runner.cli;

import dev.gameday.azure.AzureOptions;
import dev.gameday.azure.AzurePlatform;
import dev.gameday.azure.connection.AzureConnection;
import dev.gameday.azure.sign.KeyVaultSigner;
import dev.gameday.core.model.AzureSettings;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.port.ApplicationMonitor;
import dev.gameday.core.port.EvidenceSigner;
import dev.gameday.core.port.Platform;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.HttpProbeMonitor;
import dev.gameday.probes.loop.LoopProbeMonitor;
import dev.gameday.reports.ReportWriter;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.CheckStatus;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.Measure;
import dev.gameday.core.model.Notification;
import dev.gameday.core.notify.Notice;
import dev.gameday.core.port.Notifier;
import dev.gameday.notify.DeliveryPolicy;
import dev.gameday.notify.WebhookNotifier;
import java.time.Clock;
import dev.gameday.reports.analysis.ObjectiveResult;
import dev.gameday.reports.analysis.RecoveryGapAnalyzer;
import dev.gameday.core.journal.JournalFormat;
import dev.gameday.reports.evidence.BrokenJournalException;
import dev.gameday.reports.evidence.EvidenceRecords;
import dev.gameday.reports.evidence.JournalCheck;
import dev.gameday.reports.evidence.sign.PemKeySigner;
import dev.gameday.reports.history.History;
import dev.gameday.runner.engine.Judge;
import dev.gameday.runner.engine.RunHead;
import dev.gameday.runner.engine.RunRegistry;
import dev.gameday.runner.lock.LockFolder;
import dev.gameday.runner.metrics.ReportMetrics;
import dev.gameday.core.port.RunStore;
import dev.gameday.core.port.TargetLease;
import dev.gameday.runner.store.FolderStore;
import dev.gameday.store.blob.BlobStores;
import java.util.function.Consumer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import dev.gameday.core.model.ProbeSpec;
import java.time.Duration;
import dev.gameday.core.model.ReportOptions.Format;
import java.util.ArrayList;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The one place the modules are wired together: the Azure platform, the probes, the report
 * analysis as the run's judge, and the report writers. Commands ask this class; nothing else
 * constructs adapters.
 */
final class Wiring {
  /** Custom endpoints (the local sandbox) answer in milliseconds: look at them more often. */
  static final Duration LOCAL_POLL = Duration.ofMillis(200);
  /** How long one Key Vault call may take. */
  static final Duration KEY_VAULT_TIMEOUT = Duration.ofSeconds(30);

  private Wiring() {}

  static Platform platform(Experiment e, RunClock clock) {
    requireFiles(e);
    return platform(e.azure(), e, clock);
  }

  /**
   * The platform for a command that will call Azure, or one line naming what is wrong with the
   * settings (exit 2): a missing file, no subscription, an unreadable CA. Nothing is contacted yet.
   */
  static Platform connect(Experiment e, RunClock clock) {
    try {
      return platform(e, clock);
    } catch (IllegalArgumentException | java.io.UncheckedIOException ex) {
      throw new GamedayException(ExitCodes.INVALID, String.valueOf(ex.getMessage()));
    }
  }

  /**
   * The platform for {@code plan}, which contacts nothing: the CA file is needed only to connect,
   * so a sandbox experiment plans without a sandbox running.
   */
  static Platform offlinePlatform(Experiment e) {
    AzureSettings a = e.azure();
    return platform(new AzureSettings(a.subscription(), a.tenant(), a.cloud(), a.endpoint(),
        Optional.empty()), e, RunClock.SYSTEM);
  }

  private static Platform platform(AzureSettings settings, Experiment e, RunClock clock) {
    AzureOptions options = AzureOptions.defaults();
    if (settings.cloud() == AzureSettings.Cloud.CUSTOM) {
      options = options.withPollInterval(LOCAL_POLL);
    }
    return new AzurePlatform(settings, e.safety(), clock, options);
  }

  /**
   * The files a run reads (the ARM CA file, the probes' TLS files) exist, or one line naming the
   * file and the fix (exit 2).
   */
  static void requireFiles(Experiment e) {
    e.azure().caFile().ifPresent(f -> requireFile(f, "azure.caFile",
        e.azure().cloud() == AzureSettings.Cloud.CUSTOM
            ? "start the sandbox (scripts/sandbox start, then export what it prints) or correct the path"
            : "correct the path"));
    for (ProbeSpec p : e.steadyState().probes()) {
      var tls = p.http().tls();
      String key = "probe " + p.name() + " tls.";
      tls.caFile().ifPresent(f -> requireFile(f, key + "caFile", "correct the path"));
      tls.clientCert().ifPresent(f -> requireFile(f, key + "clientCert", "correct the path"));
      tls.clientKey().ifPresent(f -> requireFile(f, key + "clientKey", "correct the path"));
    }
  }

  static void requireFile(Path f, String what, String fix) {
    if (!Files.isRegularFile(f)) {
      throw new GamedayException(ExitCodes.INVALID, what + " " + f + " does not exist: " + fix);
    }
    if (!Files.isReadable(f)) {
      throw new GamedayException(ExitCodes.INVALID, what + " " + f + " cannot be read: check its permissions");
    }
  }

  /** The lock folder: {@code --lock-dir} if given, else the environment's or the user's. */
  static LockFolder lockFolder(Path option) {
    return new LockFolder(option != null ? option : LockFolder.defaultDir(System::getenv));
  }

  /** The probes' client of a run without {@code --probe-client} nor GAMEDAY_PROBE_CLIENT. */
  static final String DEFAULT_PROBE_CLIENT = "loop";

  /** The probes' clients a run can use ({@code --probe-client}); the first is the default. */
  static final List<String> PROBE_CLIENTS = List.of(DEFAULT_PROBE_CLIENT, "okhttp");

  /**
   * The run's probes on the chosen client: one event loop ({@link LoopProbeMonitor}, its own
   * client closed with it), or OkHttp on virtual threads.
   */
  static ApplicationMonitor monitor(Experiment e, RunClock clock, String client) {
    Optional<Duration> abort = e.abort().whenSteadyStateBreachedFor();
    return client.equals("loop") ? LoopProbeMonitor.forRun(e.steadyState(), abort, clock)
        : new HttpProbeMonitor(e.steadyState(), abort, HttpProbeMonitor.defaultClient(), clock);
  }

  /** The run's verdict on its objectives, from the report analysis of its journal. */
  static Judge judge() {
    return journal -> {
      try {
        Analysis a = new RecoveryGapAnalyzer().analyze(journal);
        String missed = a.objectives().stream().filter(o -> o.status() == CheckStatus.MISSED)
            .map(Wiring::objective).collect(Collectors.joining("; "));
        return new Judge.Verdict(a.objectivesMet(), missed.isEmpty()
            ? "every objective met (" + a.objectives().size() + " judged)"
            : "objectives missed: " + missed);
      } catch (IOException | RuntimeException e) {
        return new Judge.Verdict(false, "the journal could not be analyzed: " + e.getMessage());
      }
    };
  }

  private static String objective(ObjectiveResult o) {
    return o.kind() + " (limit " + o.limit().human() + ", owner " + o.owner() + ")";
  }

  /**
   * Writes the experiment's report formats and the evidence manifest into the run directory,
   * comparing with earlier runs of the same experiment. A report failure is reported, never
   * thrown: the run's outcome stands.
   */
  static List<Path> writeReports(Path runDir, Experiment e, Path experimentFile,
      Optional<EvidenceSigner> signer, PrintWriter err) {
    try {
      return renderReports(runDir, e.name(), e.report().formats(), experimentFile,
          EvidenceRecords.Kind.END_OF_RUN, signer);
    } catch (EvidenceSigner.SigningException ex) {
      err.println("gameday: the evidence could not be signed: " + ex.getMessage()
          + "\n  record signed evidence later with: gameday report " + runDir + " --sign-key ...");
      err.flush();
      return List.of();
    } catch (IOException | RuntimeException ex) {
      err.println("gameday: the reports could not be written: " + ex);
      err.flush();
      return List.of();
    }
  }

  /**
   * The reports in {@code formats} (all when empty), then the evidence manifest over them; never
   * from a journal whose hash chain is broken.
   */
  static List<Path> renderReports(Path runDir, String experimentName, Set<Format> formats,
      Path experimentFile, EvidenceRecords.Kind kind, Optional<EvidenceSigner> signer)
      throws IOException {
    try {
      JournalCheck.requireIntact(runDir.resolve(JournalFormat.FILE_NAME));
    } catch (BrokenJournalException e) {
      throw new GamedayException(ExitCodes.VERIFICATION_FAILED, e.getMessage()
          + "\nrefusing to render reports or record evidence from a journal that was changed");
    }
    List<Path> written = new ArrayList<>(new ReportWriter(VersionProvider.version(),
        signer.map(EvidenceSigner::key)).write(runDir,
        formats, previousRuns(runDir, experimentName)));
    written.addAll(EvidenceRecords.write(runDir, experimentFile, VersionProvider.version(), kind,
        signer));
    return written;
  }

  /**
   * The evidence signer the options name, if any; a key that cannot be read is a usage error,
   * found before anything is run. A Key Vault key is reached with the credential of the
   * experiment's Azure settings ({@code azure} is asked only then).
   */
  static Optional<EvidenceSigner> signer(SigningOptions options, Supplier<AzureSettings> azure) {
    if (options.pemKey != null && options.vaultKey != null) {
      throw new GamedayException(ExitCodes.INVALID,
          "give either --sign-key or --sign-key-vault, not both");
    }
    try {
      if (options.pemKey != null) {
        return Optional.of(PemKeySigner.read(options.pemKey));
      }
      if (options.vaultKey != null) {
        return Optional.of(KeyVaultSigner.open(options.vaultKey,
            AzureConnection.fromSettings(azure.get(), KEY_VAULT_TIMEOUT, System::getenv)));
      }
    } catch (EvidenceSigner.SigningException | IllegalArgumentException e) {
      throw new GamedayException(ExitCodes.INVALID, e.getMessage());
    }
    return Optional.empty();
  }

  /** Earlier finished runs of the same experiment, beside this one. */
  static List<Path> previousRuns(Path runDir, String experimentName) {
    Path root = runDir.toAbsolutePath().getParent();
    return new RunRegistry(root).list().stream()
        .filter(r -> r.experimentName().equals(experimentName) && r.finished())
        .map(RunHead::dir)
        .filter(d -> !d.toAbsolutePath().equals(runDir.toAbsolutePath()))
        .toList();
  }

  /**
   * Refuses (exit 3) a run whose credential does not renew itself and whose token expires before
   * the run's planned end plus a revert deadline per fault: its last revert could fail for lack
   * of a credential. A credential that cannot give a token at all is left to preflight.
   */
  static void requireCredentialOutlives(Platform platform, Experiment e, Duration revertTimeout,
      RunClock clock) {
    if (!(platform instanceof AzurePlatform azure)) {
      return;
    }
    dev.gameday.azure.connection.CredentialLifetime life;
    try {
      life = azure.credentialLifetime();
    } catch (RuntimeException ex) {
      return;
    }
    java.time.Instant now = clock.now();
    java.time.Instant needed = now.plus(dev.gameday.runner.engine.RunPlan.plannedDuration(e))
        .plus(revertTimeout.multipliedBy(Math.max(1, e.faults().size())));
    life.shortfall(now, needed).ifPresent(why -> {
      throw new GamedayException(ExitCodes.NOT_STARTED, "not started: " + why + ". Use a"
          + " credential that renews itself (GitHub Actions: permissions id-token: write with"
          + " AZURE_CLIENT_ID and AZURE_TENANT_ID; Azure Pipelines: a workload-identity service"
          + " connection; see docs/ci.md), or shorten the run or --revert-timeout");
    });
  }

  /** The notifier for these receivers: Teams, Slack and signed webhooks ({@code notify}). */
  static Notifier notifier(List<Notification> notifications) {
    return WebhookNotifier.start(notifications, DeliveryPolicy.defaults(), Clock.systemUTC());
  }

  /** The analysis of a finished run's journal, or empty when it cannot be read. */
  static Optional<Analysis> analysis(Path runDir) {
    try {
      return Optional.of(new RecoveryGapAnalyzer().analyze(runDir.resolve(JournalFormat.FILE_NAME)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The figures a finished notice headlines: each step's measured recovery figures. */
  static List<Notice.Figure> headlineFigures(Optional<Analysis> analysis) {
    List<Notice.Figure> out = new ArrayList<>();
    analysis.ifPresent(a -> a.steps().forEach(step -> step.figures().stream()
        .filter(f -> HEADLINE.contains(f.kind()) && f.value().isPresent())
        .forEach(f -> out.add(new Notice.Figure(step.name(), f.kind().label(),
            new Measure.Time(f.value().get()).human(), f.owner().label(), Optional.empty())))));
    return out;
  }

  private static final Set<FigureKind> HEADLINE = Set.of(FigureKind.PLATFORM_RECOVERY,
      FigureKind.APPLICATION_GAP, FigureKind.USER_VISIBLE_OUTAGE);

  /**
   * How many of the latest runs of the experiment beside this one (this one included) in a row
   * had an application recovery gap above its {@code maxApplicationGap}; 0 when unknown.
   */
  static int applicationGapStreak(Path runDir, Experiment e) {
    try {
      return ReportMetrics.gapStreak(history(runDir.toAbsolutePath().getParent(), e.name()).runs(),
          e.objectives().maxApplicationGap());
    } catch (IOException | RuntimeException ex) {
      return 0;
    }
  }

  static History history(Path runsRoot, String experiment) throws IOException {
    return History.load(runsRoot, experiment);
  }

  /** How long a blob target lease lasts unrenewed: {@code GAMEDAY_LEASE_SECONDS}, 15 to 60. */
  static final String LEASE_SECONDS_ENV = "GAMEDAY_LEASE_SECONDS";
  /** A container of their own for the leases (when the store's is under a WORM policy). */
  static final String LEASE_STORE_ENV = "GAMEDAY_LEASE_STORE";

  /** The run store {@code --store} names, if any; a URL that names none is a usage error. */
  static Optional<RunStore> store(StoreOption option) {
    if (option == null || !option.given()) {
      return Optional.empty();
    }
    String url = option.url.strip();
    try {
      if (BlobStores.isBlobUrl(url)) {
        return Optional.of(BlobStores.runStore(url, System::getenv));
      }
      return Optional.of(new FolderStore(url.startsWith("file:") ? Path.of(java.net.URI.create(url))
          : Path.of(url)));
    } catch (IllegalArgumentException e) {
      throw new GamedayException(ExitCodes.INVALID, "--store: " + e.getMessage());
    }
  }

  /**
   * The target lease: blob leases in the {@code --store} container when it is Blob Storage (held
   * across hosts), else the lock folder of this host.
   */
  static TargetLease lease(StoreOption option, Path lockDir, Consumer<String> warn) {
    if (option == null || !option.given() || !BlobStores.isBlobUrl(option.url.strip())) {
      return lockFolder(lockDir);
    }
    String seconds = System.getenv(LEASE_SECONDS_ENV);
    String own = System.getenv(LEASE_STORE_ENV);
    try {
      return BlobStores.lease(own != null && !own.isBlank() ? own.strip() : option.url.strip(),
          System::getenv,
          Duration.ofSeconds(seconds == null || seconds.isBlank() ? 60 : Long.parseLong(seconds)),
          warn);
    } catch (IllegalArgumentException e) {
      throw new GamedayException(ExitCodes.INVALID, LEASE_SECONDS_ENV + " or --store: "
          + e.getMessage());
    }
  }
}
