package dev.gameday.runner.console;

import dev.gameday.reports.analysis.Durations;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.redact.TerminalText;
import java.io.PrintStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints a run as plain timestamped lines, one per event worth a person's attention (CI logs,
 * pipes). Successful probe samples are not printed; a probe's first failure after a success is,
 * and every steady-state change. Every line is stripped of control characters: reasons quote
 * servers and Azure.
 */
public final class ConsoleListener implements EventListener {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final PrintStream out;
  private final Map<String, Boolean> lastOk = new ConcurrentHashMap<>();

  public ConsoleListener(PrintStream out) {
    this.out = out;
  }

  @Override
  public void on(TimelineEvent event) {
    String line = describe(event);
    if (line != null) {
      synchronized (out) {
        out.println(TIME.format(event.at().utc()) + "  " + TerminalText.safe(line));
        if (event instanceof TimelineEvent.RevertFailed r) {
          out.println("      finish by hand: " + TerminalText.safe(r.manualCommand()));
        }
      }
    }
  }

  private String describe(TimelineEvent event) {
    return switch (event) {
      case TimelineEvent.RunStarted s -> "run " + s.runId() + " of " + s.experimentName()
          + " started" + s.ignoreWindowReason().map(r -> " (window ignored: " + r + ")").orElse("");
      case TimelineEvent.PlanRecorded p -> p.steps().size() + " step(s), " + p.probes().size()
          + " probe(s), baseline " + Durations.human(p.baseline());
      case TimelineEvent.TargetsResolved t -> "targets: " + t.targets();
      case TimelineEvent.PhaseStarted p -> String.format("%-9s%s", p.phase(), p.step().orElse(""));
      case TimelineEvent.Note n -> n.level() + " " + n.message();
      case TimelineEvent.FaultRequested f -> "  requested " + f.kind() + " on " + f.resources().size()
          + " resource(s): " + f.description();
      case TimelineEvent.OperationAccepted a -> "  " + a.action().name().toLowerCase() + " accepted ("
          + a.httpStatus() + ") " + shortId(a.resource())
          + a.correlationId().map(c -> " correlation " + c).orElse("");
      case TimelineEvent.FaultEffective f -> "  effective: " + shortId(f.resource()) + " " + f.evidence();
      case TimelineEvent.FaultFailed f -> "  FAILED to inject " + f.step() + ": " + f.reason();
      case TimelineEvent.RevertRequested r -> "  revert requested for " + r.resources().size()
          + " resource(s)";
      case TimelineEvent.PlatformRestored r -> "  restored: " + shortId(r.resource()) + " " + r.evidence();
      case TimelineEvent.RevertFailed r -> "  REVERT FAILED " + shortId(r.resource()) + ": " + r.reason();
      case TimelineEvent.ChangeRecorded c -> "  recorded: " + c.change() + " of "
          + shortId(c.resource()) + " was " + c.before();
      case TimelineEvent.ChangeRestored c -> "  confirmed: " + c.change() + " of "
          + shortId(c.resource()) + " restored (" + c.evidence() + ")";
      case TimelineEvent.PlatformTask t -> "  job " + t.jobId() + " task '" + t.task() + "' " + t.state();
      case TimelineEvent.SiteRecoveryFailoverFacts f -> "  " + f.action() + " of " + shortId(f.recoveryPlan())
          + " (" + f.direction() + ", then " + f.then() + ")" + f.jobId().map(j -> ": job " + j).orElse("");
      case TimelineEvent.SiteRecoveryJobChanged j -> "  " + j.role().name().toLowerCase() + " job " + j.jobId()
          + " (" + j.scenario() + ") " + j.state();
      case TimelineEvent.SiteRecoveryRecoveryPoint r -> "  recovery point of " + r.protectedItem() + ": "
          + r.recoveryPointTime() + " (job " + r.jobId() + ")";
      case TimelineEvent.SiteRecoveryReplicationRpo r -> "  replication RPO of " + r.protectedItem()
          + " before the failover: " + r.rpoSeconds() + " s (Azure's)";
      case TimelineEvent.ResourceHealthChanged h -> "  resource health " + shortId(h.resource()) + ": "
          + h.state();
      case ProbeSample s -> sample(s);
      case TimelineEvent.SteadyStateChanged c -> "  probe " + c.probe() + " " + c.status()
          + " (" + c.reason() + ")";
      case TimelineEvent.StopConditionMet s -> "  STOP CONDITION: probe " + s.probe() + " breached for "
          + Durations.human(s.breachedFor());
      case TimelineEvent.ApplicationRecovered r -> r.recovered()
          ? "  application recovered" + r.since().map(t -> " since " + TIME.format(t)).orElse(" (never degraded)")
          : "  application NOT recovered within the recovery timeout";
      case TimelineEvent.WarmUpEnded w -> String.format(java.util.Locale.ROOT, "  probes warmed"
          + " up in %s: %,d probe(s), %,d request(s), %,d not OK, %,d tick(s) missed; none"
          + " recorded", Durations.human(w.took()), w.probes(), w.requests(), w.failed(),
          w.missed());
      case TimelineEvent.AbortRequested a -> "ABORT (" + a.cause() + "): " + a.reason();
      case TimelineEvent.RunFinished f -> "run finished: " + f.outcome() + " (exit " + f.exitCode()
          + ") " + f.summary();
    };
  }

  private String sample(ProbeSample s) {
    Boolean before = lastOk.put(s.probe(), s.ok());
    if (s.ok() || Boolean.FALSE.equals(before)) {
      return null;
    }
    return "  probe " + s.probe() + " failed: " + s.outcome() + " " + s.reason();
  }

  static String shortId(String resourceId) {
    int slash = resourceId.lastIndexOf('/');
    return slash >= 0 && slash < resourceId.length() - 1 ? resourceId.substring(slash + 1) : resourceId;
  }


}
