package dev.gameday.reports.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.PlannedStep;
import dev.gameday.core.journal.ChainLink;
import dev.gameday.core.journal.JournalFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a realistic journal of any size for benchmarks and demos: a baseline, a VM power-off
 * with an application gap, an NSG partition that hits late, a Site Recovery drill with job
 * tasks, and a verification, with {@code probes} probes sampling {@code ratePerSecond} times a
 * second each for {@code duration}. Event lines are the ones {@code JournalWriter} writes;
 * sample lines are formatted directly so that millions are written quickly.
 */
public final class SyntheticRun {
  private final int probes;
  private final int ratePerSecond;
  private final Duration duration;
  private final Instant start;
  private final ObjectMapper mapper = JournalFormat.mapper();
  private final double vmGap;

  public SyntheticRun(int probes, int ratePerSecond, Duration duration, Instant start) {
    this(probes, ratePerSecond, duration, start, 95);
  }

  /** As above, with the VM step's application gap set to {@code vmGapSeconds} (default 95). */
  public SyntheticRun(int probes, int ratePerSecond, Duration duration, Instant start,
      double vmGapSeconds) {
    if (probes < 1 || ratePerSecond < 1 || duration.toSeconds() < 600) {
      throw new IllegalArgumentException("need at least one probe, one sample a second and 10 min");
    }
    this.probes = probes;
    this.ratePerSecond = ratePerSecond;
    this.duration = duration;
    this.start = start;
    this.vmGap = vmGapSeconds;
  }

  /** How many probe samples {@link #write} writes. */
  public long samples() {
    return (long) probes * ratePerSecond * duration.toSeconds();
  }

  private record Timed(double second, TimelineEvent event) {}

  /** Writes the journal to {@code file} (which must not exist). */
  public void write(Path file) throws IOException {
    double total = duration.toSeconds();
    double s1 = total * 0.08;
    double s2 = total * 0.33;
    double s3 = total * 0.55;
    List<Timed> events = plan(s1, s2, s3, total);
    events.sort((a, b) -> Double.compare(a.second(), b.second()));
    long seq = 0;
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file,
        java.nio.file.StandardOpenOption.CREATE_NEW), 1 << 16)) {
      byte[] header = ("{\"journal\":\"gameday\",\"version\":" + JournalFormat.VERSION + "}")
          .getBytes(StandardCharsets.UTF_8);
      ChainLink link = ChainLink.after(header, 0, header.length);
      writeLine(out, header, null);
      int next = 0;
      long ticks = (long) (total * ratePerSecond);
      StringBuilder line = new StringBuilder(256);
      for (long tick = 0; tick < ticks; tick++) {
        double sec = (double) tick / ratePerSecond;
        while (next < events.size() && events.get(next).second() <= sec) {
          seq = event(out, link, ++seq, events.get(next++).event());
        }
        for (int p = 0; p < probes; p++) {
          double t = sec + p * 0.0007;
          line.setLength(0);
          sample(line, ++seq, link.prev(), p, t, outcome(p, t, s1, s2, s3));
          writeLine(out, line.toString().getBytes(StandardCharsets.UTF_8), link);
        }
      }
      while (next < events.size()) {
        seq = event(out, link, ++seq, events.get(next++).event());
      }
    }
  }

  private long event(OutputStream out, ChainLink link, long seq, TimelineEvent e)
      throws IOException {
    ObjectNode node = mapper.createObjectNode();
    node.put("seq", seq);
    node.put("prev", link.prev());
    node.setAll((ObjectNode) mapper.valueToTree(e));
    writeLine(out, mapper.writeValueAsBytes(node), link);
    return seq;
  }

  /** Writes one line and moves the chain past it (the header has no link yet). */
  private static void writeLine(OutputStream out, byte[] line, ChainLink link)
      throws IOException {
    out.write(line);
    out.write('\n');
    if (link != null) {
      link.advance(line);
    }
  }

  private enum Kind { OK, REFUSED, TIMEOUT, STATUS }

  /** Which samples fail: half the probes (the web tier) during each fault's impact window. */
  private Kind outcome(int probe, double t, double s1, double s2, double s3) {
    boolean web = probe % 2 == 0;
    if (web && t >= s1 + 14 && t < s1 + 300 + 48 + vmGap) {
      return Kind.REFUSED;
    }
    if (!web && t >= s2 + 3 + 120 && t < s2 + 240 + 5 + 20) {
      return Kind.TIMEOUT;
    }
    if (t >= s3 + 40 && t < s3 + 40 + 200) {
      return Kind.STATUS;
    }
    return Kind.OK;
  }

  private void sample(StringBuilder b, long seq, String prev, int probe, double t, Kind kind) {
    long mono = (long) (t * 1e9);
    long latency = switch (kind) {
      case OK -> 20_000_000L + (seq * 7919 % 60) * 1_000_000L;
      case REFUSED -> 2_000_000L;
      case TIMEOUT -> 2_000_000_000L;
      case STATUS -> 150_000_000L;
    };
    b.append("{\"seq\":").append(seq).append(",\"prev\":\"").append(prev)
        .append("\",\"type\":\"probe.sample\",\"at\":{\"utc\":\"")
        .append(at(t)).append("\",\"mono\":").append(mono).append("},\"probe\":\"probe-")
        .append(probe).append("\",\"scheduled\":").append(mono).append(",\"started\":")
        .append(mono).append(",\"ended\":").append(mono + latency).append(",\"status\":")
        .append(switch (kind) {
          case OK -> 200;
          case STATUS -> 503;
          default -> 0;
        }).append(",\"outcome\":\"").append(switch (kind) {
          case OK -> "OK";
          case REFUSED -> "CONNECTION_REFUSED";
          case TIMEOUT -> "TIMEOUT";
          case STATUS -> "UNEXPECTED_STATUS";
        }).append("\",\"reason\":\"").append(switch (kind) {
          case OK -> "";
          case REFUSED -> "connection refused";
          case TIMEOUT -> "no answer within 2s";
          case STATUS -> "status 503";
        }).append("\"}");
  }

  private Instant at(double second) {
    return start.plusNanos((long) (second * 1e9));
  }

  private Stamp st(double second) {
    return new Stamp(at(second), (long) (second * 1e9));
  }

  private List<Timed> plan(double s1, double s2, double s3, double total) {
    String vm = "/subscriptions/0000/resourceGroups/rg-shop-weu/providers/Microsoft.Compute/"
        + "virtualMachines/web-1";
    String rule = "/subscriptions/0000/resourceGroups/rg-shop-weu/providers/Microsoft.Network/"
        + "networkSecurityGroups/nsg-app/securityRules/gameday-deny-sql";
    String plan = "/subscriptions/0000/resourceGroups/rg-dr/providers/Microsoft.RecoveryServices/"
        + "vaults/rsv-shop/replicationRecoveryPlans/rp-shop";
    List<String> probeNames = new ArrayList<>();
    for (int p = 0; p < probes; p++) {
      probeNames.add("probe-" + p);
    }
    List<Timed> e = new ArrayList<>();
    e.add(new Timed(-1, new TimelineEvent.RunStarted(st(0), "bench-run", "shop-resilience",
        "Shop resilience game day", "experiments/shop.yaml", "ab".repeat(32), "apiVersion: gameday/v1",
        "bench", Map.of("user", "sre@example.com"), Optional.empty())));
    e.add(new Timed(-1, new TimelineEvent.PlanRecorded(st(0), List.of(
        new PlannedStep("web-power-off", "vm.powerOff", Duration.ofMinutes(5), Optional.of("web"),
            "power off one web VM"),
        new PlannedStep("cut-sql", "nsg.deny", Duration.ofMinutes(4), Optional.empty(),
            "deny outbound 1433 to the SQL subnet"),
        new PlannedStep("dr-drill", "siteRecovery.failover", Duration.ofMinutes(5),
            Optional.empty(), "test failover of rp-shop")), probeNames,
        Optional.of(Duration.ofMinutes(5)), Optional.of(Duration.ofSeconds(60)),
        Optional.of(0.05), Optional.of(Duration.ofMinutes(2)), Optional.empty(),
        Duration.ofMinutes(5))));
    e.add(new Timed(-1, new TimelineEvent.TargetsResolved(st(0), Map.of("web", List.of(vm)))));
    e.add(new Timed(0, new TimelineEvent.PhaseStarted(st(0), Phase.BASELINE, Optional.empty())));
    vmStep(e, s1, vm);
    nsgStep(e, s2, rule);
    drStep(e, s3, plan);
    e.add(new Timed(total * 0.8, new TimelineEvent.PhaseStarted(st(total * 0.8), Phase.VERIFY,
        Optional.empty())));
    e.add(new Timed(total, new TimelineEvent.PhaseStarted(st(total), Phase.REPORT,
        Optional.empty())));
    e.add(new Timed(total, new TimelineEvent.RunFinished(st(total), RunOutcome.OBJECTIVES_MISSED,
        1, "objectives missed: maxApplicationGap")));
    return e;
  }

  private void vmStep(List<Timed> e, double s, String vm) {
    String step = "web-power-off";
    e.add(new Timed(s, new TimelineEvent.PhaseStarted(st(s), Phase.INJECT, Optional.of(step))));
    e.add(new Timed(s, new TimelineEvent.FaultRequested(st(s), step, "vm.powerOff", List.of(vm),
        "power off web-1 (skip shutdown)")));
    e.add(new Timed(s + 0.4, new TimelineEvent.OperationAccepted(st(s + 0.4), step, Action.INJECT,
        vm, 202, Optional.of("c0ffee00-0000-4000-8000-000000000001"),
        Optional.of("op-poweroff-1"))));
    e.add(new Timed(s + 12, new TimelineEvent.FaultEffective(st(s + 12), step, vm,
        "PowerState/stopped")));
    e.add(new Timed(s + 12, new TimelineEvent.PhaseStarted(st(s + 12), Phase.HOLD,
        Optional.of(step))));
    e.add(new Timed(s + 300, new TimelineEvent.PhaseStarted(st(s + 300), Phase.REVERT,
        Optional.of(step))));
    e.add(new Timed(s + 300, new TimelineEvent.RevertRequested(st(s + 300), step, List.of(vm))));
    e.add(new Timed(s + 300.5, new TimelineEvent.OperationAccepted(st(s + 300.5), step,
        Action.REVERT, vm, 202, Optional.of("c0ffee00-0000-4000-8000-000000000002"),
        Optional.of("op-start-1"))));
    e.add(new Timed(s + 348, new TimelineEvent.PlatformRestored(st(s + 348), step, vm,
        "PowerState/running")));
    e.add(new Timed(s + 348, new TimelineEvent.PhaseStarted(st(s + 348), Phase.RECOVERY,
        Optional.of(step))));
    e.add(new Timed(s + 360 + vmGap, new TimelineEvent.ApplicationRecovered(st(s + 360 + vmGap), step, true,
        Optional.of(at(s + 300 + 48 + vmGap)))));
  }

  private void nsgStep(List<Timed> e, double s, String rule) {
    String step = "cut-sql";
    e.add(new Timed(s, new TimelineEvent.PhaseStarted(st(s), Phase.INJECT, Optional.of(step))));
    e.add(new Timed(s, new TimelineEvent.FaultRequested(st(s), step, "nsg.deny", List.of(rule),
        "deny Outbound Tcp 1433 to 10.10.2.0/24")));
    e.add(new Timed(s + 0.3, new TimelineEvent.OperationAccepted(st(s + 0.3), step,
        Action.INJECT, rule, 201, Optional.of("c0ffee00-0000-4000-8000-000000000003"),
        Optional.empty())));
    e.add(new Timed(s + 3, new TimelineEvent.FaultEffective(st(s + 3), step, rule,
        "provisioningState/Succeeded")));
    e.add(new Timed(s + 240, new TimelineEvent.RevertRequested(st(s + 240), step,
        List.of(rule))));
    e.add(new Timed(s + 245, new TimelineEvent.PlatformRestored(st(s + 245), step, rule,
        "rule deleted")));
    e.add(new Timed(s + 300, new TimelineEvent.ApplicationRecovered(st(s + 300), step, true,
        Optional.of(at(s + 265)))));
  }

  private void drStep(List<Timed> e, double s, String plan) {
    String step = "dr-drill";
    String job = "job-7f3a";
    e.add(new Timed(s, new TimelineEvent.PhaseStarted(st(s), Phase.INJECT, Optional.of(step))));
    e.add(new Timed(s, new TimelineEvent.FaultRequested(st(s), step, "siteRecovery.failover",
        List.of(plan), "test failover of rp-shop into vnet-dr-test")));
    e.add(new Timed(s + 1, new TimelineEvent.OperationAccepted(st(s + 1), step, Action.INJECT,
        plan, 202, Optional.of("c0ffee00-0000-4000-8000-000000000004"), Optional.of(job))));
    e.add(new Timed(s + 30, new TimelineEvent.FaultEffective(st(s + 30), step, plan,
        "job " + job + " InProgress")));
    String[] tasks = {"Prerequisites check for test failover", "Create test virtual machines",
        "Start the virtual machines", "Finalize test failover"};
    double[] lengths = {20, 150, 250, 40};
    double t = s + 2;
    for (int i = 0; i < tasks.length; i++) {
      double end = t + lengths[i];
      e.add(new Timed(end, new TimelineEvent.PlatformTask(st(end), step, job, tasks[i],
          "Succeeded", Optional.of(at(t)), Optional.of(at(end)))));
      t = end;
    }
    e.add(new Timed(s + 600, new TimelineEvent.RevertRequested(st(s + 600), step,
        List.of(plan))));
    e.add(new Timed(s + 660, new TimelineEvent.PlatformRestored(st(s + 660), step, plan,
        "test failover cleanup Succeeded")));
    e.add(new Timed(s + 700, new TimelineEvent.ApplicationRecovered(st(s + 700), step, true,
        Optional.of(at(s + 240)))));
  }
}
