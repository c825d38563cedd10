package dev.gameday.reports.render;

import static dev.gameday.reports.render.Escape.xml;

import dev.gameday.reports.analysis.Analysis;
import dev.gameday.reports.analysis.Durations;
import dev.gameday.reports.analysis.FigureKind;
import dev.gameday.reports.analysis.Finding;
import dev.gameday.reports.analysis.Measure;
import dev.gameday.reports.analysis.ObjectiveResult;
import dev.gameday.reports.analysis.StepResult;
import dev.gameday.reports.evidence.EvidencedControls;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Renders report.pdf for filing, in Java (openhtmltopdf over a print template, no browser): A4,
 * the run id, the experiment's SHA-256 and "page N of M" on every page; the verdict, objectives,
 * every step's figures with their owners and the findings; and on the last page the evidence:
 * the SHA-256 of every other file of the run directory and the fingerprint of the key that signs
 * the evidence record (which in turn records this PDF's hash).
 */
public final class PdfReport {
  private final String toolVersion;

  public PdfReport(String toolVersion) {
    this.toolVersion = toolVersion;
  }

  /**
   * What the audit pages list: the experiment's audit metadata, the controls the run speaks to,
   * the run directory's files with their hashes, and the signing key, if any.
   */
  public record EvidencePage(EvidencedControls controls, List<FileHash> files,
      Optional<SigningKey> key) {
    public EvidencePage {
      files = List.copyOf(files);
    }
  }

  /** One file of the run directory and its SHA-256. */
  public record FileHash(String path, long bytes, String sha256) {}

  /** The key that signs the evidence record: kind, id, algorithm and fingerprint. */
  public record SigningKey(String kind, String id, String algorithm, String fingerprint) {}

  public byte[] render(Analysis a, EvidencePage evidence) throws IOException {
    return Pdf.of(xhtml(a, evidence));
  }

  /** The print template (XHTML, as openhtmltopdf reads it). */
  String xhtml(Analysis a, EvidencePage evidence) {
    StringBuilder b = new StringBuilder(16_384);
    String runId = css(a.run().runId().isEmpty() ? "unknown run" : a.run().runId());
    String sha = css(a.run().experimentSha256().isEmpty() ? "unknown"
        : a.run().experimentSha256());
    b.append("<html><head><title>Gameday report ").append(xml(runId)).append("</title><style>")
        .append("@page { size: A4; margin: 22mm 16mm 20mm 16mm;")
        .append(" @top-left { content: \"Gameday run ").append(runId).append("\";")
        .append(" font: 8pt Helvetica; color: #444; }")
        .append(" @top-right { content: \"experiment SHA-256 ").append(sha).append("\";")
        .append(" font: 7pt Courier; color: #444; }")
        .append(" @bottom-right { content: \"page \" counter(page) \" of \" counter(pages);")
        .append(" font: 8pt Helvetica; color: #444; }")
        .append(" @bottom-left { content: \"gameday ").append(css(toolVersion)).append("\";")
        .append(" font: 8pt Helvetica; color: #444; } }")
        .append("body { font: 9.5pt Helvetica; color: #111; }")
        .append("h1 { font-size: 15pt; margin: 0 0 4mm 0; } h2 { font-size: 11.5pt; margin: 6mm 0 2mm 0; }")
        .append("table { border-collapse: collapse; width: 100%; margin-bottom: 3mm; }")
        .append("th, td { border: 0.5pt solid #999; padding: 1.2mm 1.6mm; text-align: left;")
        .append(" vertical-align: top; font-size: 8.5pt; }")
        .append("th { background: #eee; } .mono { font-family: Courier; font-size: 7.5pt; }")
        .append(".evidence { page-break-before: always; } .note { color: #444; font-size: 8.5pt; }")
        .append("</style></head><body>");
    String name = a.run().experimentName().isEmpty() ? "unknown experiment"
        : a.run().experimentName();
    b.append("<h1>Recovery-gap report: ").append(xml(text(name))).append(" &#8212; ")
        .append(a.overallVerdict()).append("</h1>");
    for (String p : a.problems()) {
      b.append("<p class=\"note\">Warning: ").append(xml(text(p))).append("</p>");
    }
    runFacts(b, a);
    objectives(b, a);
    steps(b, a);
    findings(b, a);
    ControlsSection.append(b, evidence.controls(), PdfReport::text);
    evidence(b, evidence);
    b.append("</body></html>");
    return b.toString();
  }

  private void runFacts(StringBuilder b, Analysis a) {
    b.append("<h2>Run</h2><table>");
    row(b, "Run id", a.run().runId());
    row(b, "Experiment", a.run().experimentName() + (a.run().title().isEmpty() ? ""
        : " (" + a.run().title() + ")"));
    row(b, "Experiment file", a.run().experimentFile());
    b.append("<tr><th>Experiment SHA-256</th><td class=\"mono\">")
        .append(xml(text(a.run().experimentSha256()))).append("</td></tr>");
    row(b, "Started (UTC)", a.run().started().map(Object::toString).orElse("unknown"));
    row(b, "Finished (UTC)", a.run().finished().map(Object::toString).orElse("not finished"));
    row(b, "Outcome", a.run().outcome().map(Enum::name).orElse("unknown")
        + (a.run().summary().isEmpty() ? "" : ": " + a.run().summary()));
    row(b, "Operator", Labels.operator(a.run().operator()));
    row(b, "Tool version", a.run().toolVersion());
    a.run().targets().forEach((alias, ids) -> row(b, "Target " + alias, String.join(", ", ids)));
    b.append("</table>");
  }

  private static void objectives(StringBuilder b, Analysis a) {
    if (a.objectives().isEmpty()) {
      return;
    }
    b.append("<h2>Objectives</h2><table><tr><th>Objective</th><th>Limit</th>")
        .append("<th>Worst measured</th><th>Owner</th><th>Result</th></tr>");
    for (ObjectiveResult o : a.objectives()) {
      b.append("<tr><td>").append(xml(o.kind().key() + " (" + o.kind().measures() + ")"))
          .append("</td><td>").append(xml(text(o.limit().human()))).append("</td><td>")
          .append(xml(text(Labels.worst(o).map(Measure::human).orElse("n/a"))))
          .append("</td><td>").append(xml(o.owner().label())).append("</td><td>")
          .append(o.status()).append("</td></tr>");
    }
    b.append("</table>");
  }

  private static void steps(StringBuilder b, Analysis a) {
    if (a.steps().isEmpty()) {
      return;
    }
    b.append("<h2>Fault steps</h2><table><tr><th>Step</th>");
    for (FigureKind k : FigureKind.values()) {
      b.append("<th>").append(xml(k.label())).append(" (").append(xml(k.owner().label()))
          .append(")</th>");
    }
    b.append("</tr>");
    for (StepResult s : a.steps()) {
      b.append("<tr><td>").append(xml(text(s.name()))).append("<br/><span class=\"note\">")
          .append(xml(text(s.kind()))).append("</span></td>");
      for (FigureKind k : FigureKind.values()) {
        b.append("<td>").append(xml(text(s.figure(k).map(f -> f.value().map(Durations::human)
            .orElse("n/a")).orElse("-")))).append("</td>");
      }
      b.append("</tr>");
    }
    b.append("</table>");
  }

  private static void findings(StringBuilder b, Analysis a) {
    if (a.findings().isEmpty()) {
      return;
    }
    b.append("<h2>Findings</h2><table><tr><th>Severity</th><th>Finding</th><th>Owner</th></tr>");
    for (Finding f : a.findings()) {
      b.append("<tr><td>").append(f.severity()).append("</td><td><b>")
          .append(xml(text(f.title()))).append("</b> ")
          .append(xml(text(f.text()))).append(f.advice().map(ad -> " " + xml(text(ad)))
              .orElse("")).append("</td><td>").append(xml(f.owner().label()))
          .append("</td></tr>");
    }
    b.append("</table>");
  }

  private static void evidence(StringBuilder b, EvidencePage e) {
    b.append("<div class=\"evidence\"><h2>Evidence manifest</h2>");
    b.append("<p class=\"note\">The files of the run directory as this report was rendered. ")
        .append("evidence.json records these hashes and this PDF's own; its detached signature")
        .append(" evidence.json.sig is made with the key below.</p>");
    b.append("<table><tr><th>File</th><th>Bytes</th><th>SHA-256</th></tr>");
    for (FileHash f : e.files()) {
      b.append("<tr><td>").append(xml(text(f.path()))).append("</td><td>").append(f.bytes())
          .append("</td><td class=\"mono\">").append(xml(text(f.sha256()))).append("</td></tr>");
    }
    b.append("</table><h2>Signature</h2>");
    if (e.key().isEmpty()) {
      b.append("<p>This run's evidence is not signed.</p>");
    } else {
      SigningKey k = e.key().get();
      b.append("<table>");
      row(b, "Algorithm", k.algorithm());
      row(b, "Key", k.kind() + " " + k.id());
      b.append("<tr><th>Public key fingerprint</th><td class=\"mono\">")
          .append(xml(text(k.fingerprint()))).append("</td></tr></table>");
      b.append("<p class=\"note\">Check: gameday verify RUN_DIR --key PUBLIC.pem, or ")
          .append(k.algorithm().equals("Ed25519")
              ? "openssl pkeyutl -verify -pubin -inkey PUBLIC.pem -rawin -in evidence.json"
                  + " -sigfile evidence.json.sig"
              : "openssl dgst -sha256 -verify PUBLIC.pem -signature evidence.json.sig"
                  + " evidence.json")
          .append("</p>");
    }
    b.append("</div>");
  }

  /** For a CSS string in the page margins: only characters that need no escaping. */
  private static String css(String s) {
    return s.replaceAll("[^A-Za-z0-9._:+ -]", "_");
  }

  private static void row(StringBuilder b, String label, String value) {
    ControlsSection.row(b, label, text(value));
  }

  /**
   * Text the PDF's standard fonts can show: Latin-1 and common punctuation are kept, arrows
   * become "->", anything else "?".
   */
  static String text(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (c == '→') {
        out.append("->");
      } else if (c < 0x100 || "–—‘’“”•…€".indexOf(c) >= 0) {
        out.appendCodePoint(c);
      } else {
        out.append('?');
      }
    });
    return out.toString();
  }
}
