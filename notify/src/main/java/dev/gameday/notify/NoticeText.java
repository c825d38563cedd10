package dev.gameday.notify;

import dev.gameday.core.notify.Notice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A notice in words, the same for every chat channel: a title, its tone, a sentence, facts
 * (label and value) and, for a failed revert, the command that finishes the job.
 */
record NoticeText(String title, Tone tone, String text, List<Fact> facts, Optional<String> command) {

  /** How loud the message is: Teams colours its title by it. */
  enum Tone { GOOD, WARNING, ATTENTION, NEUTRAL }

  record Fact(String label, String value) {}

  static NoticeText of(Notice notice) {
    Notice.Run run = notice.run();
    List<Fact> facts = new ArrayList<>();
    facts.add(new Fact("Experiment", run.title().equals(run.experiment()) ? run.experiment()
        : run.title() + " (" + run.experiment() + ")"));
    facts.add(new Fact("Run", run.runId()));
    run.owner().ifPresent(o -> facts.add(new Fact("Owner", o)));
    return switch (notice) {
      case Notice.Started s -> {
        facts.add(new Fact("Started by", s.operator()));
        yield new NoticeText("Game day started: " + run.title(), Tone.NEUTRAL,
            "Gameday is running " + run.experiment() + ". Faults will be injected and reverted.",
            facts, Optional.empty());
      }
      case Notice.Breached b -> {
        b.step().ifPresent(step -> facts.add(new Fact("Step", step)));
        facts.add(new Fact("Probe", b.probe()));
        yield new NoticeText("Steady state breached: " + b.probe(), Tone.WARNING, b.reason(), facts,
            Optional.empty());
      }
      case Notice.Aborted a -> {
        facts.add(new Fact("Cause", a.cause()));
        yield new NoticeText("Game day aborted: " + run.title(), Tone.WARNING,
            a.reason() + ". Every injected fault is being reverted.", facts, Optional.empty());
      }
      case Notice.RevertFailed r -> {
        facts.add(new Fact("Step", r.step()));
        facts.add(new Fact("Resource", r.resource()));
        yield new NoticeText("REVERT FAILED: something may still be injected", Tone.ATTENTION,
            r.reason() + ". Finish by hand with the command below, or run gameday rollback on"
                + " the run directory.", facts, Optional.of(r.manualCommand()));
      }
      case Notice.Finished f -> {
        facts.add(new Fact("Verdict", f.outcome() + " (exit " + f.exitCode() + ")"));
        for (Notice.Figure fig : f.figures()) {
          facts.add(new Fact(fig.step() + ": " + fig.name(), fig.value() + " (" + fig.owner()
              + fig.verdict().map(v -> ", " + v).orElse("") + ")"));
        }
        f.report().ifPresent(r -> facts.add(new Fact("Report", r)));
        yield new NoticeText("Game day finished: " + f.outcome(), tone(f.exitCode()), f.summary(),
            facts, Optional.empty());
      }
    };
  }

  private static Tone tone(int exitCode) {
    return switch (exitCode) {
      case 0 -> Tone.GOOD;
      case 5 -> Tone.ATTENTION;
      default -> Tone.WARNING;
    };
  }
}
