package dev.gameday.reports.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** XHTML with print CSS to PDF, in Java (openhtmltopdf on PDFBox): no browser involved. */
public final class Pdf {
  static {
    // The renderer's log is process-wide; route it through SLF4J like everything else.
    XRLog.setLoggerImpl(new PdfLog());
  }

  private Pdf() {}

  public static byte[] of(String xhtml) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.withHtmlContent(xhtml, null);
    builder.toStream(out);
    builder.run();
    return out.toByteArray();
  }
}
