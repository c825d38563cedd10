package dev.gameday.reports.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.gameday.core.audit.ControlCatalogue;
import dev.gameday.core.model.Audit;
import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.Durations;
import dev.gameday.reports.analysis.Evidence;
import dev.gameday.reports.analysis.Figure;
import dev.gameday.reports.analysis.Finding;
import dev.gameday.reports.analysis.JobTask;
import dev.gameday.reports.analysis.Measure;
import dev.gameday.reports.analysis.Moments;
import dev.gameday.reports.analysis.ObjectiveCheck;
import dev.gameday.reports.analysis.ObjectiveResult;
import dev.gameday.reports.analysis.PlatformInstant;
import dev.gameday.reports.analysis.PlatformJob;
import dev.gameday.reports.analysis.RevertFailure;
import dev.gameday.reports.analysis.RunInfo;
import dev.gameday.reports.analysis.SampleStats;
import dev.gameday.reports.analysis.SeriesPoint;
import dev.gameday.reports.analysis.StepResult;
import dev.gameday.reports.analysis.WindowStats;
import dev.gameday.reports.evidence.EvidencedControls;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders report.json: the analysis as a versioned document (schema
 * {@code report-v1.schema.json}). Field order is fixed and nothing depends on the time of
 * rendering, so the same journal always gives the same bytes.
 */
public final class JsonReport {
  /** The version of the report.json format; bump it on any incompatible change. */
  public static final int REPORT_VERSION = 1;

  private final String toolVersion;

  public JsonReport(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  public String render(Analysis a) {
    return render(a, Optional.empty());
  }

  /** With {@code controls}, the document also says what the run evidences ({@code evidences}). */
  public String render(Analysis a, Optional<EvidencedControls> controls) {
    StringWriter out = new StringWriter();
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.setPrettyPrinter(pretty);
      g.writeStartObject();
      g.writeNumberField("reportVersion", REPORT_VERSION);
      g.writeStringField("generator", "gameday " + toolVersion);
      g.writeStringField("verdict", a.overallVerdict().name());
      g.writeStringField("verdictReason", a.verdictReason());
      g.writeBooleanField("objectivesMet", a.objectivesMet());
      strings(g, "problems", a.problems());
      run(g, a.run());
      journal(g, a.journal());
      g.writeArrayFieldStart("objectives");
      for (ObjectiveResult o : a.objectives()) {
        objective(g, o);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("steps");
      for (StepResult s : a.steps()) {
        step(g, s);
      }
      g.writeEndArray();
      g.writeFieldName("baseline");
      window(g, a.baseline());
      g.writeFieldName("after");
      window(g, a.after());
      g.writeArrayFieldStart("findings");
      for (Finding f : a.findings()) {
        finding(g, f);
      }
      g.writeEndArray();
      strings(g, "probes", a.probes());
      series(g, a);
      if (controls.isPresent()) {
        evidences(g, controls.get());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out + "\n";
  }

  private static void evidences(JsonGenerator g, EvidencedControls c) throws IOException {
    g.writeObjectFieldStart("evidences");
    g.writeObjectFieldStart("audit");
    text(g, "approver", c.audit().flatMap(Audit::approver));
    text(g, "change", c.audit().flatMap(Audit::change));
    strings(g, "declaredControls", c.audit().map(Audit::controls).orElse(List.of()));
    g.writeEndObject();
    g.writeArrayFieldStart("controls");
    for (ControlCatalogue.Evidenced e : c.controls()) {
      g.writeStartObject();
      g.writeStringField("id", e.control().id());
      g.writeStringField("standard", e.control().standard());
      g.writeStringField("title", e.control().title());
      strings(g, "because", e.because());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("disclaimer", ControlCatalogue.DISCLAIMER);
    g.writeEndObject();
  }

  private static void run(JsonGenerator g, RunInfo r) throws IOException {
    g.writeObjectFieldStart("run");
    g.writeStringField("runId", r.runId());
    g.writeStringField("experimentName", r.experimentName());
    g.writeStringField("title", r.title());
    g.writeStringField("experimentFile", r.experimentFile());
    g.writeStringField("experimentSha256", r.experimentSha256());
    g.writeStringField("toolVersion", r.toolVersion());
    g.writeObjectFieldStart("operator");
    for (Map.Entry<String, String> e : r.operator().entrySet()) {
      g.writeStringField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    instant(g, "started", r.started());
    instant(g, "finished", r.finished());
    text(g, "outcome", r.outcome().map(Enum::name));
    g.writeStringField("summary", r.summary());
    text(g, "ignoreWindowReason", r.ignoreWindowReason());
    text(g, "abortReason", r.abortReason());
    g.writeObjectFieldStart("targets");
    for (Map.Entry<String, List<String>> e : r.targets().entrySet()) {
      strings(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void journal(JsonGenerator g, Analysis.JournalFacts j) throws IOException {
    g.writeObjectFieldStart("journal");
    g.writeNumberField("version", j.version());
    g.writeNumberField("events", j.events());
    g.writeNumberField("lastSeq", j.lastSeq());
    g.writeBooleanField("truncated", j.truncated());
    g.writeBooleanField("finished", j.finished());
    g.writeEndObject();
  }

  private static void objective(JsonGenerator g, ObjectiveResult o) throws IOException {
    g.writeStartObject();
    g.writeStringField("objective", o.kind().key());
    g.writeStringField("measures", o.kind().measures());
    g.writeStringField("owner", owner(o.owner()));
    measure(g, "limit", Optional.of(o.limit()));
    g.writeStringField("status", o.status().name());
    g.writeArrayFieldStart("checks");
    for (ObjectiveCheck c : o.checks()) {
      g.writeStartObject();
      g.writeStringField("step", c.step());
      measure(g, "measured", c.measured());
      g.writeStringField("status", c.status().name());
      g.writeStringField("note", c.note());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void step(JsonGenerator g, StepResult s) throws IOException {
    g.writeStartObject();
    g.writeStringField("name", s.name());
    g.writeStringField("kind", s.kind());
    g.writeStringField("description", s.description());
    g.writeBooleanField("platformSide", s.platformSide());
    strings(g, "resources", s.resources());
    moments(g, s.moments());
    g.writeObjectFieldStart("platformInstants");
    platformInstant(g, "effective", s.effectiveInstant());
    platformInstant(g, "platformRestored", s.restoredInstant());
    g.writeEndObject();
    g.writeArrayFieldStart("figures");
    for (Figure f : s.figures()) {
      g.writeStartObject();
      g.writeStringField("figure", f.kind().key());
      g.writeStringField("owner", owner(f.owner()));
      seconds(g, "seconds", f.value());
      g.writeStringField("text", f.value().map(Durations::human).orElse("n/a"));
      g.writeStringField("note", f.note());
      g.writeArrayFieldStart("evidence");
      for (Evidence e : f.evidence()) {
        g.writeNumber(e.seq());
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeFieldName("during");
    window(g, s.during());
    g.writeArrayFieldStart("jobs");
    for (PlatformJob job : s.jobs()) {
      g.writeStartObject();
      g.writeStringField("jobId", job.jobId());
      seconds(g, "seconds", job.duration());
      g.writeArrayFieldStart("tasks");
      for (JobTask t : job.tasks()) {
        g.writeStartObject();
        g.writeStringField("task", t.task());
        g.writeStringField("state", t.state());
        instant(g, "started", t.started());
        instant(g, "ended", t.ended());
        g.writeNumberField("seq", t.seq());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("revertFailures");
    for (RevertFailure r : s.revertFailures()) {
      g.writeStartObject();
      g.writeStringField("resource", r.resource());
      g.writeStringField("reason", r.reason());
      g.writeStringField("manualCommand", r.manualCommand());
      g.writeNumberField("seq", r.seq());
      g.writeStringField("at", r.at().toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (s.applicationRecovered().isPresent()) {
      g.writeBooleanField("applicationRecovered", s.applicationRecovered().get());
    } else {
      g.writeNullField("applicationRecovered");
    }
    g.writeStringField("applicationRestoredFrom", s.applicationRestoredSource());
    strings(g, "faultFailures", s.faultFailures());
    g.writeArrayFieldStart("evidence");
    for (Evidence e : s.evidence()) {
      g.writeStartObject();
      g.writeNumberField("seq", e.seq());
      g.writeStringField("at", e.at().toString());
      g.writeStringField("kind", e.kind());
      g.writeStringField("detail", e.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** Azure's instant with its bracket: between the last look before and the first look after. */
  private static void platformInstant(JsonGenerator g, String field, Optional<PlatformInstant> p)
      throws IOException {
    if (p.isEmpty()) {
      g.writeNullField(field);
      return;
    }
    PlatformInstant i = p.get();
    g.writeObjectFieldStart(field);
    g.writeStringField("resource", i.resource());
    g.writeStringField("at", i.at().toString());
    g.writeStringField("source", i.source().name().toLowerCase(Locale.ROOT));
    g.writeStringField("basis", i.basis());
    instant(g, "lastSeenBefore", i.lastSeenBefore());
    g.writeStringField("firstSeenAfter", i.firstSeenAfter().toString());
    seconds(g, "widthSeconds", i.width());
    g.writeEndObject();
  }

  private static void moments(JsonGenerator g, Moments m) throws IOException {
    g.writeObjectFieldStart("moments");
    instant(g, "requested", m.requested());
    instant(g, "changeRequested", m.changeRequested());
    instant(g, "effective", m.effective());
    instant(g, "firstFailed", m.firstFailed());
    instant(g, "revertRequested", m.revertRequested());
    instant(g, "platformRestored", m.platformRestored());
    instant(g, "applicationRestored", m.applicationRestored());
    g.writeEndObject();
  }

  private static void window(JsonGenerator g, WindowStats w) throws IOException {
    g.writeStartObject();
    g.writeStringField("window", w.window());
    instant(g, "from", w.from());
    instant(g, "to", w.to());
    g.writeFieldName("overall");
    stats(g, w.overall());
    g.writeObjectFieldStart("probes");
    for (Map.Entry<String, SampleStats> e : w.probes().entrySet()) {
      g.writeFieldName(e.getKey());
      stats(g, e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void stats(JsonGenerator g, SampleStats s) throws IOException {
    g.writeStartObject();
    g.writeNumberField("samples", s.samples());
    g.writeNumberField("failures", s.failures());
    g.writeNumberField("missed", s.missed());
    if (s.errorRatio().isPresent()) {
      g.writeNumberField("errorRatio", round6(s.errorRatio().get()));
    } else {
      g.writeNullField("errorRatio");
    }
    millis(g, "p50Ms", s.p50());
    millis(g, "p95Ms", s.p95());
    millis(g, "p99Ms", s.p99());
    millis(g, "maxMs", s.max());
    g.writeEndObject();
  }

  private static void finding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    g.writeStringField("code", f.code());
    g.writeStringField("severity", f.severity().name());
    g.writeStringField("owner", owner(f.owner()));
    text(g, "step", f.step());
    g.writeStringField("title", f.title());
    g.writeStringField("text", f.text());
    text(g, "advice", f.advice());
    text(g, "command", f.command());
    g.writeEndObject();
  }

  private static void series(JsonGenerator g, Analysis a) throws IOException {
    g.writeObjectFieldStart("series");
    g.writeStringField("origin", a.series().origin().toString());
    g.writeNumberField("bucketSeconds", a.series().bucketSeconds());
    g.writeStringField("columns", "offsetSeconds,samples,failures,meanLatencyMs,maxLatencyMs");
    g.writeArrayFieldStart("points");
    for (SeriesPoint p : a.series().points()) {
      g.writeStartArray();
      g.writeNumber(p.offsetSeconds());
      g.writeNumber(p.samples());
      g.writeNumber(p.failures());
      g.writeNumber(p.meanLatencyMs());
      g.writeNumber(p.maxLatencyMs());
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void measure(JsonGenerator g, String field, Optional<Measure> m)
      throws IOException {
    if (m.isEmpty()) {
      g.writeNullField(field);
      return;
    }
    g.writeObjectFieldStart(field);
    switch (m.get()) {
      case Measure.Time t -> g.writeNumberField("seconds", Durations.seconds(t.value()));
      case Measure.Ratio r -> g.writeNumberField("ratio", round6(r.value()));
    }
    g.writeStringField("text", m.get().human());
    g.writeEndObject();
  }

  static String owner(dev.gameday.reports.analysis.Owner o) {
    return o.name().toLowerCase(Locale.ROOT);
  }

  private static double round6(double v) {
    return Math.round(v * 1_000_000) / 1_000_000.0;
  }

  private static void seconds(JsonGenerator g, String field, Optional<Duration> d)
      throws IOException {
    if (d.isPresent()) {
      g.writeNumberField(field, Durations.seconds(d.get()));
    } else {
      g.writeNullField(field);
    }
  }

  private static void millis(JsonGenerator g, String field, Optional<Duration> d)
      throws IOException {
    if (d.isPresent()) {
      g.writeNumberField(field, d.get().toNanos() / 1000 / 1000.0);
    } else {
      g.writeNullField(field);
    }
  }

  private static void instant(JsonGenerator g, String field, Optional<Instant> i)
      throws IOException {
    text(g, field, i.map(Instant::toString));
  }

  private static void text(JsonGenerator g, String field, Optional<String> s) throws IOException {
    if (s.isPresent()) {
      g.writeStringField(field, s.get());
    } else {
      g.writeNullField(field);
    }
  }

  private static void strings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
