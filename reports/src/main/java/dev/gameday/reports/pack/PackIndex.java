package dev.gameday.reports.pack;

import static dev.gameday.reports.render.Escape.xml;

import dev.gameday.core.audit.ControlCatalogue;
import dev.gameday.reports.render.Pdf;
import java.io.IOException;
import java.util.List;

/** The index of an evidence pack (index.html, index.pdf from the same XHTML) and its README. */
final class PackIndex {
  private final String toolVersion;
  private final String experiment;
  private final String period;
  private final List<EvidencePack.Drill> drills;

  PackIndex(String toolVersion, String experiment, String period,
      List<EvidencePack.Drill> drills) {
    this.toolVersion = toolVersion;
    this.experiment = experiment;
    this.period = period;
    this.drills = drills;
  }

  String html() {
    StringBuilder b = new StringBuilder(8192);
    b.append("<html><head><meta charset=\"utf-8\"/><title>Evidence pack ").append(xml(experiment))
        .append("</title><style>")
        .append("@page { size: A4 landscape; margin: 18mm 14mm;")
        .append(" @bottom-right { content: \"page \" counter(page) \" of \" counter(pages);")
        .append(" font: 8pt Helvetica; } }")
        .append("body { font: 9.5pt Helvetica; } table { border-collapse: collapse; width: 100%; }")
        .append("th, td { border: 0.5pt solid #999; padding: 1.2mm; text-align: left;")
        .append(" vertical-align: top; font-size: 8.5pt; } th { background: #eee; }")
        .append(".bad { color: #a00; font-weight: bold; } .note { color: #444; font-size: 8.5pt; }")
        .append("</style></head><body>");
    b.append("<h1>Evidence pack: ").append(xml(experiment)).append("</h1>");
    b.append("<p>Drills from ").append(xml(period)).append(": ").append(drills.size())
        .append(". Made by gameday ").append(xml(toolVersion))
        .append(". Each run directory is under runs/, as it was recorded; README.md says how to")
        .append(" verify it offline.</p>");
    b.append("<table><tr><th>Run</th><th>Started (UTC)</th><th>Verdict</th><th>RTO</th>")
        .append("<th>Worst user-visible outage</th><th>RPO</th><th>Worst observed RPO</th>")
        .append("<th>Controls this run speaks to</th>")
        .append("<th>Verified</th></tr>");
    for (EvidencePack.Drill d : drills) {
      b.append("<tr><td>runs/").append(xml(d.dir())).append("</td><td>").append(d.started())
          .append("</td><td>").append(xml(d.verdict())).append("</td><td>").append(xml(d.rto()))
          .append("</td><td>").append(xml(d.worstOutage())).append("</td><td>")
          .append(xml(d.rpo())).append("</td><td>").append(xml(d.worstRpo())).append("</td><td>")
          .append(xml(String.join(", ", d.controls()))).append("</td><td>")
          .append(d.verified() ? "yes" : "<span class=\"bad\">NO</span>: "
              + xml(String.join("; ", d.problems())))
          .append("</td></tr>");
    }
    b.append("</table><p class=\"note\">").append(xml(ControlCatalogue.DISCLAIMER))
        .append("</p></body></html>");
    return b.toString();
  }

  byte[] pdf() throws IOException {
    return Pdf.of(html().replace("<meta charset=\"utf-8\"/>", ""));
  }

  static String readme(String experiment) {
    return """
        # Evidence pack: %s

        This zip holds every recorded game-day run of the experiment in the period named in
        index.html / index.pdf, each run directory under `runs/` exactly as Gameday wrote it:

        - `journal.jsonl` — every event of the run; each line carries the SHA-256 of the line
          before it (a hash chain), so an edited, reordered, inserted or removed line is found;
        - `experiment.yaml` — the experiment as it ran;
        - `report.html`, `report.pdf`, `report.md`, `report.json`, `junit.xml` — the reports;
        - `evidence.json` — the SHA-256 of every file, the journal's line count and last-line
          hash, who ran it, when, against what; `evidence.json.sig` — its detached signature;
        - `evidence-rerender-N.json` (+ `.sig`) — records added when the reports were rendered
          again later; the original `evidence.json` is kept.

        ## Verify offline

        Unzip, then for each run directory, with the operator's public key obtained separately:

        ```bash
        gameday verify runs/<run> --key operator-public.pem
        ```

        Without Gameday, check the signature of each record with OpenSSL (3.0 or newer):

        ```bash
        # ECDSA P-256 keys (PEM or Azure Key Vault; "algorithm": "ES256" in evidence.json)
        openssl dgst -sha256 -verify operator-public.pem -signature runs/<run>/evidence.json.sig runs/<run>/evidence.json
        # Ed25519 keys ("algorithm": "Ed25519")
        openssl pkeyutl -verify -pubin -inkey operator-public.pem -rawin -in runs/<run>/evidence.json -sigfile runs/<run>/evidence.json.sig
        ```

        then compare each file's SHA-256 (`sha256sum runs/<run>/*`) with the `files` of the
        latest record, and walk the journal's chain: the SHA-256 of line N (without its newline)
        is the `prev` of line N+1 (`sed -n Np journal.jsonl | tr -d '\\n' | sha256sum`).

        The control mapping in the index is guidance for filing evidence, not a certification.
        """.formatted(experiment);
  }
}
