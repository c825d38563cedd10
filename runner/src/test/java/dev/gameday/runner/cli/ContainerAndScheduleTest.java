package dev.gameday.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What can be checked of the container image and the CronJob without a registry or a cluster:
 * the Jib configuration (base eclipse-temurin 21 JRE, a non-root user, the entry point), that
 * entry point run as a real process against the folder layout Jib gives the image
 * ({@code /app/resources}, {@code /app/classes}, {@code /app/libs}), and the Kubernetes manifest
 * (workload identity on the service account and the pod, non-root, its command line parsed by
 * Gameday's own CLI parser). The image itself is not built here.
 */
class ContainerAndScheduleTest {
  static final Path POM = CliTest.repo().resolve("runner/pom.xml");
  static final Path CRONJOB = CliTest.repo().resolve("integrations/kubernetes/gameday-cronjob.yaml");

  static Element jib() throws Exception {
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(POM.toFile());
    NodeList plugins = doc.getElementsByTagName("plugin");
    for (int i = 0; i < plugins.getLength(); i++) {
      Element p = (Element) plugins.item(i);
      if (text(p, "artifactId").equals("jib-maven-plugin")) {
        return p;
      }
    }
    throw new AssertionError("runner/pom.xml has no jib-maven-plugin");
  }

  static String text(Element e, String tag) {
    NodeList n = e.getElementsByTagName(tag);
    return n.getLength() == 0 ? "" : n.item(0).getTextContent().strip();
  }

  static List<String> entrypoint(Element jib) {
    Element ep = (Element) jib.getElementsByTagName("entrypoint").item(0);
    List<String> out = new ArrayList<>();
    NodeList args = ep.getElementsByTagName("arg");
    for (int i = 0; i < args.getLength(); i++) {
      out.add(args.item(i).getTextContent().strip());
    }
    return out;
  }

  @Test
  void theImageIsATemurin21JreRunningAsNonRootWithAPinnedJib() throws Exception {
    Element jib = jib();
    assertThat(text(jib, "version")).matches("\\d+\\.\\d+\\.\\d+");
    assertThat(text((Element) jib.getElementsByTagName("from").item(0), "image"))
        .isEqualTo("eclipse-temurin:21-jre");
    String user = text(jib, "user");
    assertThat(user).matches("\\d+:\\d+").doesNotStartWith("0:");
    assertThat(jib.getElementsByTagName("executions").getLength())
        .as("bound to no phase: the build never needs a registry").isZero();
    assertThat(entrypoint(jib)).startsWith("java").endsWith("dev.gameday.runner.cli.Main");
  }

  @Test
  void theEntryPointRunsTheCliFromTheImagesFolderLayout(@TempDir Path tmp) throws Exception {
    Path app = tmp.resolve("app");
    Files.createDirectories(app.resolve("resources"));
    Files.createDirectories(app.resolve("libs"));
    copyTree(CliTest.repo().resolve("runner/target/classes"), app.resolve("classes"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isRegularFile(p) && entry.endsWith(".jar")) {
        Files.copy(p, app.resolve("libs").resolve(p.getFileName()),
            java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      } else if (Files.isDirectory(p) && !p.equals(CliTest.repo().resolve("runner/target/classes"))
          && !p.endsWith("test-classes")) {
        copyTree(p, app.resolve("classes"));
      }
    }
    Path work = Files.createDirectories(tmp.resolve("work/experiments"));
    Files.copy(CliTest.repo().resolve("experiments/vm-poweroff.yaml"), work.resolve("vm-poweroff.yaml"));
    List<String> cmd = new ArrayList<>();
    for (String arg : entrypoint(jib())) {
      cmd.add(arg.equals("java") ? ProcessHandle.current().info().command().orElse("java")
          : arg.replace("/app/", app + "/"));
    }
    cmd.addAll(List.of("validate", "experiments/vm-poweroff.yaml"));
    Process p = new ProcessBuilder(cmd).directory(tmp.resolve("work").toFile())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("experiments/vm-poweroff.yaml: valid (shop-web-vm-poweroff");
  }

  @Test
  void theCronJobUsesWorkloadIdentityRunsAsNonRootAndItsCommandLineParses() throws Exception {
    List<JsonNode> docs = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(CRONJOB.toFile())) {
      new ObjectMapper().readValues(parser, JsonNode.class).forEachRemaining(docs::add);
    }
    JsonNode sa = docs.stream().filter(d -> d.path("kind").asText().equals("ServiceAccount"))
        .findFirst().orElseThrow();
    JsonNode cron = docs.stream().filter(d -> d.path("kind").asText().equals("CronJob"))
        .findFirst().orElseThrow();
    assertThat(sa.path("metadata").path("annotations").has("azure.workload.identity/client-id"))
        .isTrue();
    JsonNode pod = cron.path("spec").path("jobTemplate").path("spec").path("template");
    assertThat(pod.path("metadata").path("labels").path("azure.workload.identity/use").asText())
        .isEqualTo("true");
    assertThat(pod.path("spec").path("serviceAccountName").asText())
        .isEqualTo(sa.path("metadata").path("name").asText());
    assertThat(pod.path("spec").path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.path("spec").path("securityContext").path("runAsUser").asText() + ":"
        + pod.path("spec").path("securityContext").path("runAsGroup").asText())
        .as("the image's user").isEqualTo(text(jib(), "user"));
    assertThat(cron.path("spec").path("concurrencyPolicy").asText()).isEqualTo("Forbid");
    JsonNode container = pod.path("spec").path("containers").get(0);
    List<String> args = new ArrayList<>();
    container.path("args").forEach(a -> args.add(a.asText()));
    assertThat(args).contains("--wait-for-window");
    var parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("run");
    List<String> mounts = new ArrayList<>();
    container.path("volumeMounts").forEach(m -> mounts.add(m.path("mountPath").asText()));
    assertThat(mounts).contains("/work/gameday-runs", "/work/experiments");
  }

  static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(f, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
