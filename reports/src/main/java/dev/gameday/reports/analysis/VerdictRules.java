package dev.gameday.reports.analysis;

import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.TimelineEvent.AbortCause;
import dev.gameday.core.event.TimelineEvent.AbortRequested;
import dev.gameday.core.event.TimelineEvent.RunFinished;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides the overall verdict and says why in one sentence, from what the journal showed. The
 * order is the order of what matters most: a fault that may still be in force, then a journal
 * that cannot vouch for the run, then a run that never started or was cut short (whose missing
 * figures are nobody's fault), then the objectives.
 */
final class VerdictRules {
  /** The verdict and its reason. */
  record Call(Verdict verdict, String reason) {}

  /** What the journal showed about how the run went and ended. */
  record Facts(boolean damaged, List<String> problems, boolean started, boolean planned,
      Optional<RunFinished> finished, boolean anyRequested, boolean rolledBack,
      Optional<AbortRequested> abort, List<String> neverRan) {}

  private VerdictRules() {}

  /** True when the run ended before it could wait for what it planned to measure. */
  static boolean cutShort(Facts f) {
    return f.finished().isEmpty() || f.rolledBack() || f.abort().isPresent()
        || f.finished().get().outcome() == RunOutcome.ABORTED
        || f.finished().get().outcome() == RunOutcome.NOT_STARTED;
  }

  static Call decide(Facts f, List<StepResult> results, List<ObjectiveResult> objectives,
      List<Finding> findings) {
    List<String> failedReverts = results.stream().flatMap(r -> r.revertFailures().stream()
        .map(x -> r.name() + " on " + x.resource() + ": " + x.reason())).toList();
    if (!failedReverts.isEmpty() || f.finished().map(RunFinished::outcome)
        .filter(o -> o == RunOutcome.REVERT_INCOMPLETE).isPresent()) {
      return new Call(Verdict.REVERT_INCOMPLETE, "A revert did not complete, so a fault may still "
          + "be in force" + (failedReverts.isEmpty() ? ": " + summary(f)
              : ": " + String.join("; ", failedReverts)) + ".");
    }
    if (f.damaged() || !f.started() || !f.planned()) {
      return new Call(Verdict.INCOMPLETE, f.problems().isEmpty()
          ? "The journal cannot vouch for the run." : f.problems().get(0));
    }
    if (f.finished().isEmpty()) {
      return new Call(Verdict.INCOMPLETE, "The run did not finish: it was killed, crashed or is "
          + "still running" + (f.rolledBack() ? "; `gameday rollback` reverted what it left"
              : "") + ". Figures it did not wait for are not judged.");
    }
    RunFinished end = f.finished().get();
    if (f.rolledBack()) {
      return new Call(Verdict.INCOMPLETE, "The run was cut off and later rolled back ("
          + end.summary() + "). Figures it did not wait for are not judged.");
    }
    if (end.outcome() == RunOutcome.NOT_STARTED || !f.anyRequested()) {
      return new Call(Verdict.NOT_STARTED, "Not started: " + summary(f) + ".");
    }
    if (f.abort().isPresent() || end.outcome() == RunOutcome.ABORTED) {
      String why = f.abort().map(a -> causeWords(a.cause()) + ": " + a.reason())
          .orElse(summary(f));
      return new Call(Verdict.ABORTED, "Aborted — " + why + ". Every fault was reverted; figures "
          + "the run did not wait for are not judged.");
    }
    List<String> missed = objectives.stream().filter(o -> o.status() == CheckStatus.MISSED)
        .map(o -> o.kind().key()).toList();
    List<String> notBack = findings.stream().filter(x -> x.code().equals("steady-state-not-back")
        || x.code().equals("application-not-recovered")).map(Finding::title).distinct().toList();
    if (!missed.isEmpty() || !notBack.isEmpty()
        || end.outcome() == RunOutcome.OBJECTIVES_MISSED) {
      String what = missed.isEmpty() ? "" : "missed " + String.join(", ", missed);
      if (!notBack.isEmpty()) {
        what += (what.isEmpty() ? "" : "; ") + String.join("; ", notBack).toLowerCase(
            java.util.Locale.ROOT);
      }
      return new Call(Verdict.OBJECTIVES_MISSED, "The run finished, but "
          + (what.isEmpty() ? summary(f) : what) + ".");
    }
    if (!f.neverRan().isEmpty() || end.outcome() != RunOutcome.PASSED) {
      return new Call(Verdict.INCOMPLETE, f.neverRan().isEmpty() ? summary(f) + "."
          : "Planned but never ran: " + String.join(", ", f.neverRan()) + ".");
    }
    return new Call(Verdict.PASSED, objectives.isEmpty()
        ? "The run finished; it had no objectives to judge."
        : "The run finished and every objective was met: " + objectives.stream()
            .map(o -> o.kind().key()).collect(Collectors.joining(", ")) + ".");
  }

  /** How an abort cause reads in a sentence. */
  static String causeWords(AbortCause cause) {
    return switch (cause) {
      case STOP_CONDITION -> "a stop condition fired";
      case MAX_DURATION -> "the run reached its maximum duration";
      case WINDOW_CLOSING -> "the maintenance window was closing";
      case SIGNAL -> "Gameday was interrupted (Ctrl-C or SIGTERM)";
      case USER -> "stopped with `gameday abort`";
      case INJECT_FAILED -> "a fault could not be injected";
    };
  }

  private static String summary(Facts f) {
    String s = f.finished().map(RunFinished::summary).orElse("").strip();
    if (s.endsWith(".")) {
      s = s.substring(0, s.length() - 1);
    }
    return s.isEmpty() ? "the runner gave no reason" : s;
  }
}
