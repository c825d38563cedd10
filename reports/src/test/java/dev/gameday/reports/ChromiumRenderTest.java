package dev.gameday.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.gameday.core.model.ReportOptions.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report.html in real headless Chromium: it must render (a non-trivial screenshot), draw
 * the two timeline lanes, and log no console or script error. Skipped when
 * {@code /usr/bin/chromium} is absent (CI installs it).
 */
class ChromiumRenderTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  private record Result(int exit, String stdout, String stderr) {}

  private Result chromium(Path profile, List<String> extra, Path html) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
        "--enable-logging=stderr", "--v=0", "--window-size=1280,2000"));
    cmd.addAll(extra);
    cmd.add(html.toUri().toString());
    Path out = dir.resolve("out-" + extra.size() + ".txt");
    Path err = dir.resolve("err-" + extra.size() + ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 60 s");
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theReportRendersInHeadlessChromiumWithoutErrors() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM),
        "skipped: /usr/bin/chromium is absent (apt-get install -y chromium)");
    Path run = Scenarios.vmPowerOffWithGap("shop-web-vm-poweroff", 95).writeTo(dir.resolve("run"));
    new ReportWriter("0.1.0").write(run, Set.of(Format.html));
    Path html = run.resolve("report.html");
    Path png = dir.resolve("report.png");

    Result shot = chromium(dir.resolve("profile1"), List.of("--screenshot=" + png), html);
    Result dom = chromium(dir.resolve("profile2"), List.of("--dump-dom"), html);

    assertThat(png).exists();
    assertThat(Files.size(png)).as("screenshot size").isGreaterThan(30_000);
    byte[] head = Files.readAllBytes(png);
    assertThat(new String(head, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    assertThat(dom.stdout()).contains("lane-platform").contains("lane-application")
        .contains("<svg").contains("application gap 95 s");
    for (Result r : List.of(shot, dom)) {
      assertThat(consoleErrors(r.stderr())).as("console errors").isEmpty();
    }
  }

  private static List<String> consoleErrors(String stderr) {
    List<String> out = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      if (line.contains("Uncaught") || (line.contains("CONSOLE") && line.contains("ERROR"))
          || line.contains("Refused to") || line.contains("net::ERR_")) {
        out.add(line);
      }
    }
    return out;
  }

}
