package dev.gameday.reports.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** XHTML with print CSS to PDF, in Java (openhtmltopdf on PDFBox): no browser involved. */
public final class Pdf {
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
