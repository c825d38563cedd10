package dev.gameday.runner.cli;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.Notification;
import dev.gameday.core.notify.Notice;
import dev.gameday.core.notify.NoticeListener;
import dev.gameday.core.port.Notifier;
import dev.gameday.core.redact.Secrets;
import dev.gameday.runner.engine.RunResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A run's notifications: the receivers of {@code notify:} and {@code --notify}, the listener that
 * turns the run's events into notices, the finished notice once the reports are written, and a
 * bounded wait for delivery at the very end (after every revert, so a dead receiver delays
 * nothing that matters).
 */
final class RunNotices {
  /** Where the finished notice points instead of the local report (e.g. a CI run page). */
  static final String REPORT_URL_ENV = "GAMEDAY_REPORT_URL";

  private final Notifier notifier;
  private final Notice.Run run;
  private final Secrets secrets;

  RunNotices(Notifier notifier, Experiment e, String runId, Secrets secrets) {
    this.notifier = notifier;
    this.run = new Notice.Run(e.name(), e.metadata().title(),
        Optional.ofNullable(e.metadata().owner()), runId);
    this.secrets = secrets;
  }

  EventListener listener() {
    return new NoticeListener(notifier, run);
  }

  /** Sends the finished notice: verdict, summary, headline figures, where the report is. */
  void finished(RunResult result, List<Notice.Figure> figures, List<Path> reports,
      Function<String, String> env) {
    Optional<String> link = Optional.ofNullable(env.apply(REPORT_URL_ENV))
        .filter(s -> !s.isBlank())
        .or(() -> reports.stream().filter(p -> p.getFileName().toString().equals("report.html"))
            .findFirst().or(() -> reports.stream().findFirst())
            .map(p -> p.toAbsolutePath().toString()));
    notifier.send(new Notice.Finished(run, Instant.now(), result.outcome().name(),
        result.exitCode(), secrets.scrub(result.summary()), figures, link.map(secrets::scrub)));
  }

  /** Waits (bounded) for what is on its way; prints what could not be delivered. */
  void finish(Duration wait, PrintWriter err) {
    for (String failure : notifier.finish(wait)) {
      err.println("gameday: notification: " + secrets.scrub(failure));
    }
    err.flush();
  }

  /**
   * Receivers named on the command line: {@code CHANNEL=VARIABLE}, or for a signed webhook
   * {@code webhook=URL_VARIABLE:SECRET_VARIABLE}. The command line names environment variables,
   * never URLs, so no webhook URL lands in a shell history or a process list.
   */
  static List<Notification> fromOptions(List<String> specs, Function<String, String> env) {
    List<Notification> out = new ArrayList<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      String channel = eq < 0 ? spec : spec.substring(0, eq);
      Notification.Channel c;
      try {
        c = Notification.Channel.valueOf(channel);
      } catch (IllegalArgumentException e) {
        throw usage("--notify " + spec + ": the receiver is teams, slack or webhook, not " + channel);
      }
      String[] vars = eq < 0 ? new String[0] : spec.substring(eq + 1).split(":", -1);
      if (vars.length != (c == Notification.Channel.webhook ? 2 : 1)) {
        throw usage("--notify " + spec + ": write " + (c == Notification.Channel.webhook
            ? "webhook=URL_VARIABLE:SECRET_VARIABLE" : channel + "=URL_VARIABLE")
            + " (names of environment variables, never the URL itself)");
      }
      String url = variable(spec, vars[0], env);
      Notification.urlProblem(url).ifPresent(p -> {
        throw usage("--notify " + spec + ": the URL in $" + vars[0] + " " + p);
      });
      Optional<String> secret = Optional.empty();
      if (vars.length == 2) {
        secret = Optional.of(variable(spec, vars[1], env));
        if (secret.get().length() < Notification.MIN_SECRET_LENGTH) {
          throw usage("--notify " + spec + ": the signing secret in $" + vars[1] + " needs at least "
              + Notification.MIN_SECRET_LENGTH + " characters (e.g. openssl rand -hex 32)");
        }
      }
      out.add(new Notification(c, java.net.URI.create(url), secret, java.util.Set.of()));
    }
    return out;
  }

  /** The secret values of these receivers: their URLs and signing secrets. */
  static Secrets secretsOf(List<Notification> notifications) {
    List<String> values = new ArrayList<>();
    notifications.forEach(n -> {
      values.add(n.url().toString());
      n.signingSecret().ifPresent(values::add);
    });
    return Secrets.of(values);
  }

  private static String variable(String spec, String name, Function<String, String> env) {
    String v = name.isEmpty() ? null : env.apply(name);
    if (v == null || v.isBlank()) {
      throw usage("--notify " + spec + ": the environment variable " + (name.isEmpty() ? "name is missing"
          : name + " is not set"));
    }
    return v;
  }

  private static GamedayException usage(String message) {
    return new GamedayException(ExitCodes.INVALID, message);
  }
}
