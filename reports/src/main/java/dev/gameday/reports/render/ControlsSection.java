package dev.gameday.reports.render;

import static dev.gameday.reports.render.Escape.xml;

import dev.gameday.core.audit.ControlCatalogue;
import dev.gameday.reports.evidence.EvidencedControls;
import java.util.function.UnaryOperator;

/**
 * "What this run evidences", in report.html and report.pdf alike: the audit metadata, each
 * control with what this run shows for it, and the statement that the mapping is guidance. The
 * markup is well-formed XHTML, as the PDF renderer needs; {@code text} adapts strings to the
 * medium (the PDF's fonts).
 */
final class ControlsSection {
  private ControlsSection() {}

  static void append(StringBuilder b, EvidencedControls e, UnaryOperator<String> text) {
    b.append("<h2>What this run evidences</h2>");
    e.audit().ifPresent(audit -> {
      b.append("<table>");
      row(b, "Approved by", text.apply(audit.approver().orElse("not recorded")));
      row(b, "Change or ticket", text.apply(audit.change().orElse("not recorded")));
      b.append("</table>");
    });
    if (e.controls().isEmpty()) {
      b.append("<p>No control in Gameday's catalogue is spoken to by this run.</p>");
    } else {
      b.append("<table><tr><th>Control</th><th>What this run shows</th></tr>");
      for (ControlCatalogue.Evidenced c : e.controls()) {
        b.append("<tr><td><b>").append(xml(c.control().standard())).append("</b><br/>")
            .append(xml(c.control().title())).append("</td><td>")
            .append(xml(text.apply(String.join("; ", c.because())))).append("</td></tr>");
      }
      b.append("</table>");
    }
    b.append("<p class=\"note\">").append(xml(ControlCatalogue.DISCLAIMER)).append("</p>");
  }

  static void row(StringBuilder b, String label, String value) {
    b.append("<tr><th>").append(xml(label)).append("</th><td>").append(xml(value))
        .append("</td></tr>");
  }
}
