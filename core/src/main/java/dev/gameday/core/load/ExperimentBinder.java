package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.model.AbortConditions;
import dev.gameday.core.model.Audit;
import dev.gameday.core.model.AzureSettings;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.Metadata;
import dev.gameday.core.model.Notification;
import dev.gameday.core.model.Objectives;
import dev.gameday.core.model.ReportOptions;
import dev.gameday.core.model.Safety;
import dev.gameday.core.model.SteadyState;
import dev.gameday.core.model.TargetSpec;
import dev.gameday.core.model.Window;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link Experiment} records from a tree that passed the schema and the semantic
 * checks, filling in the format's defaults. Relative file paths are resolved against
 * {@code baseDir}, the experiment file's folder.
 */
final class ExperimentBinder {
  private final JsonNode root;
  private final Path baseDir;
  private final Set<String> envPointers;

  ExperimentBinder(JsonNode root, Path baseDir, Set<String> envPointers) {
    this.root = root;
    this.baseDir = baseDir;
    this.envPointers = envPointers;
  }

  Experiment bind() {
    return new Experiment(
        root.path("apiVersion").asText(),
        metadata(root.path("metadata")),
        window(root.path("window")),
        azure(root.path("azure")),
        targets(root.path("targets")),
        safety(root.path("safety")),
        new ProbeBinder(baseDir, envPointers).steadyState(root.path("steadyState")),
        new FaultBinder().faults(root.path("faults")),
        objectives(root.path("objectives")),
        abort(root.path("abort")),
        report(root.path("report")),
        audit(root.path("audit")),
        notify(root.path("notify")));
  }

  private static List<Notification> notify(JsonNode list) {
    List<Notification> out = new ArrayList<>();
    for (JsonNode n : list) {
      String channel = NotifyCheck.CHANNELS.stream().filter(n::has).findFirst().orElseThrow();
      Set<Notification.Event> events = EnumSet.noneOf(Notification.Event.class);
      list(n.path("events")).forEach(e -> events.add(Notification.Event.valueOf(e)));
      out.add(new Notification(Notification.Channel.valueOf(channel),
          URI.create(n.path(channel).asText()), text(n.path("secret")), events));
    }
    return out;
  }

  private static Audit audit(JsonNode a) {
    return new Audit(text(a.path("approver")), text(a.path("change")), list(a.path("controls")));
  }

  static Optional<String> text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? Optional.empty() : Optional.of(n.asText());
  }

  static Optional<Duration> duration(JsonNode n) {
    return text(n).flatMap(Durations::parse);
  }

  static Map<String, String> strings(JsonNode n) {
    Map<String, String> out = new LinkedHashMap<>();
    n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }

  static List<String> list(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }

  Optional<Path> path(JsonNode n) {
    return text(n).map(p -> baseDir.resolve(p).normalize());
  }

  private static Metadata metadata(JsonNode m) {
    return new Metadata(m.path("name").asText(), text(m.path("title")).orElse(null),
        text(m.path("owner")).orElse(null), strings(m.path("labels")));
  }

  private static Window window(JsonNode w) {
    ZoneId zone = ZoneId.of(w.path("timezone").asText());
    List<Window.FreezePeriod> freeze = new ArrayList<>();
    for (String f : list(w.path("freeze"))) {
      String[] parts = f.split("/");
      LocalDate from = LocalDate.parse(parts[0]);
      freeze.add(new Window.FreezePeriod(from, parts.length > 1 ? LocalDate.parse(parts[1]) : from));
    }
    return new Window(zone, text(w.path("schedule")), duration(w.path("duration")),
        text(w.path("start")).map(s -> zoned(s, zone)), text(w.path("end")).map(s -> zoned(s, zone)),
        freeze, duration(w.path("margin")).orElse(Window.DEFAULT_MARGIN));
  }

  private static ZonedDateTime zoned(String s, ZoneId zone) {
    try {
      return OffsetDateTime.parse(s).atZoneSameInstant(zone);
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(s).atZone(zone);
    }
  }

  private AzureSettings azure(JsonNode a) {
    Optional<URI> endpoint = text(a.path("endpoint")).map(URI::create);
    AzureSettings.Cloud cloud = endpoint.isPresent() ? AzureSettings.Cloud.CUSTOM
        : text(a.path("cloud")).flatMap(AzureSettings.Cloud::fromYaml).orElse(AzureSettings.Cloud.AZURE_PUBLIC);
    return new AzureSettings(a.path("subscription").asText(), text(a.path("tenant")), cloud, endpoint,
        path(a.path("caFile")));
  }

  private static Map<String, TargetSpec> targets(JsonNode t) {
    Map<String, TargetSpec> out = new LinkedHashMap<>();
    t.properties().forEach(e -> {
      JsonNode n = e.getValue();
      TargetSpec.ResourceType type = TargetSpec.ResourceType.fromYaml(n.path("type").asText()).orElseThrow();
      out.put(e.getKey(), new TargetSpec(e.getKey(), type, list(n.path("ids")), text(n.path("resourceGroup")),
          strings(n.path("tags")), text(n.path("query")), pick(n.path("pick"))));
    });
    return out;
  }

  private static TargetSpec.Pick pick(JsonNode p) {
    Optional<Long> seed = p.has("seed") ? Optional.of(p.path("seed").asLong()) : Optional.empty();
    if (p.has("count")) {
      return new TargetSpec.Pick.Count(p.path("count").asInt(), seed);
    }
    if (p.has("percent")) {
      return new TargetSpec.Pick.Percent(p.path("percent").asDouble(), seed);
    }
    return new TargetSpec.Pick.All();
  }

  private static Safety safety(JsonNode s) {
    Safety d = Safety.defaults();
    return new Safety(
        s.has("requireTag") ? strings(s.path("requireTag")) : d.requireTag(),
        s.has("maxTargets") ? s.path("maxTargets").asInt() : d.maxTargets(),
        list(s.path("allowedSubscriptions")),
        list(s.path("allowedResourceGroups")),
        s.path("checkPermissions").asBoolean(d.checkPermissions()));
  }

  private static Objectives objectives(JsonNode o) {
    return new Objectives(duration(o.path("rto")), duration(o.path("maxApplicationGap")),
        o.has("maxErrorRatio") ? Optional.of(o.path("maxErrorRatio").asDouble()) : Optional.empty(),
        duration(o.path("maxTimeToEffect")), duration(o.path("rpo")));
  }

  private static AbortConditions abort(JsonNode a) {
    return new AbortConditions(duration(a.path("whenSteadyStateBreachedFor")),
        duration(a.path("maxDuration")).orElse(AbortConditions.DEFAULT_MAX_DURATION));
  }

  private static ReportOptions report(JsonNode r) {
    Set<ReportOptions.Format> formats = EnumSet.noneOf(ReportOptions.Format.class);
    list(r.path("formats")).forEach(f -> formats.add(ReportOptions.Format.valueOf(f)));
    return new ReportOptions(formats, text(r.path("samples")).map(ReportOptions.SampleRecording::valueOf)
        .orElse(ReportOptions.SampleRecording.all));
  }
}
