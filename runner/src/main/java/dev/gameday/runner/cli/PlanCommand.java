package dev.gameday.runner.cli;

import dev.gameday.reports.analysis.Durations;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.model.TargetSpec;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.Platform;
import dev.gameday.core.window.Decision;
import dev.gameday.core.window.Opening;
import dev.gameday.core.window.WindowPlanner;
import dev.gameday.runner.engine.RunPlan;
import dev.gameday.core.load.LoadResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gameday plan FILE}: what a run would do, step by step, without contacting Azure: the
 * window and its next opening, the probes, each fault with its revert and the ARM calls it makes,
 * the objectives and the abort conditions.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Show what a run would do, step by step, without contacting Azure: window and next "
        + "opening, probes, each fault with its revert and ARM calls, objectives, abort "
        + "conditions.",
    footerHeading = "%nExamples:%n",
    footer = {"  gameday plan experiments/vm-poweroff.yaml",
        "  gameday plan experiments/vm-poweroff.yaml --output json"})
final class PlanCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Experiment file.")
  Path file;

  @Option(names = "--output", defaultValue = "text", description = "text or json.")
  String output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!output.equals("text") && !output.equals("json")) {
      throw new GamedayException(ExitCodes.INVALID, "--output must be text or json, not " + output);
    }
    LoadResult.Loaded loaded = ExperimentFiles.loadOrFail(file, spec.commandLine().getErr());
    Map<String, Object> plan = plan(loaded.experiment());
    StringWriter text = new StringWriter();
    if (output.equals("json")) {
      text.write(new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .writerWithDefaultPrettyPrinter().writeValueAsString(plan) + System.lineSeparator());
    } else {
      printText(new PrintWriter(text), plan, "");
    }
    // The plan quotes URLs and headers: the run's secrets never reach the screen.
    PrintWriter out = spec.commandLine().getOut();
    out.print(loaded.secrets().scrub(text.toString()));
    out.flush();
    return ExitCodes.OK;
  }

  Map<String, Object> plan(Experiment e) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("experiment", e.name() + " - " + e.metadata().title()
        + (e.metadata().owner().isEmpty() ? "" : " (owner " + e.metadata().owner() + ")"));
    p.put("window", window(e));
    p.put("azure", "subscription " + e.azure().subscription() + ", cloud " + e.azure().cloud().yamlName()
        + e.azure().endpoint().map(u -> ", endpoint " + u).orElse(""));
    Map<String, Object> targets = new LinkedHashMap<>();
    e.targets().forEach((name, t) -> targets.put(name, target(t)));
    p.put("targets", targets);
    p.put("safety", "every target must carry tag(s) " + e.safety().requireTag() + "; at most "
        + e.safety().maxTargets() + " resource(s)"
        + (e.safety().checkPermissions() ? "; permissions checked before any write" : ""));
    p.put("baseline", "steady state must hold for " + Durations.human(e.steadyState().baseline())
        + " before anything is injected");
    p.put("probes", e.steadyState().probes().stream().map(PlanCommand::probe).toList());
    p.put("steps", steps(e));
    p.put("afterwards", "verify steady state holds again after every revert, then write the reports");
    var o = e.objectives();
    Map<String, Object> objectives = new LinkedHashMap<>();
    o.rto().ifPresent(d -> objectives.put("rto (user-visible outage, shared)", Durations.human(d)));
    o.maxApplicationGap().ifPresent(d -> objectives.put("max application gap (application)", Durations.human(d)));
    o.maxErrorRatio().ifPresent(r -> objectives.put("max error ratio during faults (application)", r));
    o.maxTimeToEffect().ifPresent(d -> objectives.put("max time to effect (Azure)", Durations.human(d)));
    p.put("objectives", objectives.isEmpty() ? "none (figures are reported, not judged)" : objectives);
    List<String> abort = new ArrayList<>();
    e.abort().whenSteadyStateBreachedFor().ifPresent(d -> abort.add("steady state breached for "
        + Durations.human(d)));
    abort.add("run longer than " + Durations.human(e.abort().maxDuration()));
    abort.add("the window closing (every fault reverted " + Durations.human(e.window().margin())
        + " before its end)");
    abort.add("Ctrl-C / SIGTERM, or 'gameday abort RUN_DIR'");
    p.put("abort when", abort);
    return p;
  }

  private static String window(Experiment e) {
    WindowPlanner planner = new WindowPlanner(e.window());
    Instant now = Instant.now();
    Duration planned = RunPlan.plannedDuration(e);
    String shape = e.window().schedule().map(s -> "'" + s + "' for " + Durations.human(e.window().length()))
        .orElse(e.window().start().map(Object::toString).orElse("") + " to "
            + e.window().end().map(Object::toString).orElse(""));
    String state = switch (planner.admit(now, planned)) {
      case Decision.Admitted a -> "open now until " + a.opening().end() + "; the run fits";
      case Decision.Refused r -> r.reason();
    };
    // next(from) lists openings that have not ended at from, so one under way comes first; the
    // "next opening" is the first to start after now.
    Optional<Opening> next = planner.next(now.plus(e.window().length()), 1).stream()
        .filter(o -> o.start().toInstant().isAfter(now)).findFirst();
    return shape + " (" + e.window().timezone() + "); planned length at least "
        + Durations.human(planned) + "; " + state
        + next.map(o -> "; next opening " + o.start()).orElse("");
  }

  private static String target(TargetSpec t) {
    String how = !t.ids().isEmpty() ? "resources " + t.ids()
        : t.query().map(q -> "Resource Graph query: " + q)
            .orElse("VMs in resource group " + t.resourceGroup().orElse("?")
                + (t.tags().isEmpty() ? "" : " tagged " + t.tags()));
    String pick = switch (t.pick()) {
      case TargetSpec.Pick.All a -> "all of them";
      case TargetSpec.Pick.Count c -> c.count() + " of them" + c.seed().map(s -> " (seed " + s + ")").orElse(" at random");
      case TargetSpec.Pick.Percent pc -> pc.percent() + "% of them" + pc.seed().map(s -> " (seed " + s + ")").orElse(" at random");
    };
    return t.type().yamlName() + ": " + how + ", " + pick;
  }

  private static String probe(ProbeSpec p) {
    var h = p.http();
    // A prometheus probe's URL carries its PromQL; decoded, the query reads as it was written.
    String url = p.expect().promValue().isPresent()
        ? URLDecoder.decode(h.url().toString(), StandardCharsets.UTF_8) : h.url().toString();
    return p.name() + ": " + h.method() + " " + url + " every " + Durations.human(p.every())
        + ", timeout " + Durations.human(h.timeout()) + ", expect status " + p.expect().status()
        + p.expect().promValue().map(v -> " and every value " + v.describe()).orElse("")
        + p.expect().latencyBelow().map(d -> " faster than " + Durations.human(d)).orElse("")
        + p.expect().bodyContains().map(b -> " body containing '" + b + "'").orElse("")
        + "; tolerance " + p.tolerance().successRatio() + " success over "
        + Durations.human(p.tolerance().over()) + "; mode " + p.mode().yamlName()
        + (h.headers().isEmpty() ? "" : "; headers " + h.redactedHeaders());
  }

  private List<Object> steps(Experiment e) {
    Map<String, List<String>> placeholders = new LinkedHashMap<>();
    e.targets().forEach((name, t) -> placeholders.put(name, t.ids().isEmpty()
        ? List.of("/subscriptions/" + e.azure().subscription() + "/resourceGroups/"
            + t.resourceGroup().orElse("{resolved at run time}")
            + "/providers/Microsoft.Compute/virtualMachines/{" + name + ": resolved at run time}")
        : t.ids()));
    List<Object> out = new ArrayList<>();
    int i = 1;
    try (Platform platform = Wiring.offlinePlatform(e)) {
      for (FaultStep s : e.faults()) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", i++ + ". " + s.name() + " (" + s.action().kind() + ")");
        step.put("does", RunPlan.describe(s));
        step.put("hold", Durations.human(s.hold()));
        if (!(s.action() instanceof FaultAction.Pause)) {
          step.put("recovery timeout", Durations.human(s.recoveryTimeout()));
          step.put("arm calls", calls(platform, s, placeholders));
        }
        out.add(step);
      }
    }
    return out;
  }

  private static List<String> calls(Platform platform, FaultStep s, Map<String, List<String>> targets) {
    try {
      Fault f = platform.fault(s, targets, "{run id}");
      return f.plannedCalls();
    } catch (RuntimeException ex) {
      return List.of("(not available before the targets are resolved: " + ex.getMessage() + ")");
    }
  }

  @SuppressWarnings("unchecked")
  private static void printText(PrintWriter out, Object value, String indent) {
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
          out.println(indent + k + ":");
          printText(out, v, indent + "  ");
        } else {
          out.println(indent + k + ": " + v);
        }
      });
    } else if (value instanceof List<?> l) {
      for (Object v : l) {
        if (v instanceof Map<?, ?> m) {
          List<Map.Entry<String, Object>> entries = new ArrayList<>(((Map<String, Object>) m).entrySet());
          out.println(indent + "- " + entries.get(0).getValue());
          Map<String, Object> rest = new LinkedHashMap<>();
          entries.subList(1, entries.size()).forEach(en -> rest.put(en.getKey(), en.getValue()));
          printText(out, rest, indent + "    ");
        } else {
          out.println(indent + "- " + v);
        }
      }
    } else {
      out.println(indent + value);
    }
  }
}
