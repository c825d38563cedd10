package dev.gameday.core.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.core.digest.Sha256;
import dev.gameday.core.event.Phase;
import dev.gameday.core.event.RunOutcome;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the journal's on-disk format: one event of every type, written by {@link JournalWriter},
 * must equal the golden file byte for byte and read back equal. A change here breaks every
 * journal already written: add a type or bump {@link JournalFormat#VERSION} instead.
 * Regenerate deliberately with {@code -Dgameday.golden.update=true}.
 */
class JournalFormatGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/journal-v2.jsonl");
  /** A journal of format version 1 (no hash chain), as an older Gameday wrote it. */
  static final Path GOLDEN_V1 = Path.of("src/test/resources/golden/journal-v1.jsonl");
  @TempDir Path tmp;

  static Stamp at(int second) {
    return new Stamp(Instant.parse("2026-12-01T01:00:00Z").plusSeconds(second), second * 1_000_000_000L);
  }

  static List<TimelineEvent> everyType() {
    String vm = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-1";
    return List.of(
        new TimelineEvent.RunStarted(at(0), "20261201t010000z-abcd", "shop", "Shop game day", "/e.yaml",
            "ab12", "apiVersion: gameday/v1\n", "0.1.0", Map.of("upn", "sre@example.com"), Optional.empty()),
        new TimelineEvent.PlanRecorded(at(0), List.of(new TimelineEvent.PlannedStep("web-power-off",
            "vm.powerOff", Duration.ofMinutes(5), Optional.of("web"), "power off")), List.of("storefront"),
            Optional.of(Duration.ofMinutes(5)), Optional.of(Duration.ofSeconds(90)), Optional.of(0.05),
            Optional.empty(), Optional.of(Duration.ofMinutes(15)), Duration.ofMinutes(1)),
        new TimelineEvent.TargetsResolved(at(1), Map.of("web", List.of(vm))),
        new TimelineEvent.PhaseStarted(at(1), Phase.INJECT, Optional.of("web-power-off")),
        new TimelineEvent.Note(at(1), TimelineEvent.Level.WARN, "a note"),
        new TimelineEvent.FaultRequested(at(2), "web-power-off", "vm.powerOff", List.of(vm), "power off"),
        new TimelineEvent.OperationAccepted(at(2), "web-power-off", Action.INJECT, vm, 202,
            Optional.of("corr-1"), Optional.of("op-1")),
        new TimelineEvent.FaultEffective(at(14), "web-power-off", vm, "PowerState/stopped"),
        new TimelineEvent.FaultFailed(at(15), "web-power-off", vm, "409 Conflict"),
        new TimelineEvent.ProbeSample(at(16), "storefront", 16_000_000_000L, 16_001_000_000L,
            16_051_000_000L, 502, Outcome.UNEXPECTED_STATUS, "502 Bad Gateway"),
        new TimelineEvent.SteadyStateChanged(at(17), "storefront", SteadyStatus.BREACHED, at(16).utc(),
            at(17).utc(), "3 consecutive failures"),
        new TimelineEvent.StopConditionMet(at(18), "storefront", Duration.ofMinutes(2), Duration.ofMinutes(2)),
        new TimelineEvent.AbortRequested(at(18), TimelineEvent.AbortCause.STOP_CONDITION, "breached"),
        new TimelineEvent.RevertRequested(at(19), "web-power-off", List.of(vm)),
        new TimelineEvent.PlatformTask(at(20), "dr", "job-1", "Start the replica virtual machines",
            "Succeeded", Optional.of(at(10).utc()), Optional.of(at(20).utc())),
        new TimelineEvent.SiteRecoveryFailoverFacts(at(20), "dr", "/plans/rp", "testFailover",
            "PrimaryToRecovery", "cleanup", Optional.of("job-1")),
        new TimelineEvent.SiteRecoveryJobChanged(at(20), "dr", "job-1", "TestFailover",
            TimelineEvent.SiteRecoveryJobRole.FAILOVER, "Succeeded", Optional.of(at(9).utc()),
            Optional.of(at(20).utc())),
        new TimelineEvent.SiteRecoveryRecoveryPoint(at(20), "dr", "job-1", "vm-web-1",
            Optional.of("rp-1"), at(2).utc()),
        new TimelineEvent.ResourceHealthChanged(at(21), "web-power-off", vm, "Available", "PlatformInitiated"),
        new TimelineEvent.PlatformRestored(at(60), "web-power-off", vm, "PowerState/running"),
        new TimelineEvent.RevertFailed(at(61), "cut-sql", "/nsg/rule", "500", "az network nsg rule delete ..."),
        new TimelineEvent.ApplicationRecovered(at(90), "web-power-off", true, Optional.of(at(88).utc())),
        new TimelineEvent.RunFinished(at(91), RunOutcome.ABORTED, 4, "aborted and fully reverted"),
        new TimelineEvent.ChangeRecorded(at(92), "cut-sql", "/nsg", "flushConnection", "false",
            Map.of("etag", "W/\"1\"")),
        new TimelineEvent.ChangeRestored(at(93), "cut-sql", "/nsg", "flushConnection",
            "flushConnection false"),
        new TimelineEvent.WarmUpEnded(at(94), Duration.ofMillis(8500), 1000, 61_000, 3, 250),
        new TimelineEvent.SiteRecoveryReplicationRpo(at(95), "dr", "vm-web-1",
            Optional.of("/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-1"),
            23, Optional.of(at(60).utc())),
        new TimelineEvent.OperationAccepted(at(96), "web-power-off", Action.REVERT, vm, 202,
            Optional.of("corr-2"), Optional.of("op-2"), Optional.of(at(95).utc().plusMillis(250))));
  }

  @Test
  void everyEventTypeIsWrittenExactlyAsTheGoldenFile() throws Exception {
    Path journal = tmp.resolve("journal.jsonl");
    try (JournalWriter w = JournalWriter.create(journal)) {
      everyType().forEach(w::append);
    }
    String written = Files.readString(journal, StandardCharsets.UTF_8);
    if (Boolean.getBoolean("gameday.golden.update")) {
      Files.writeString(GOLDEN, written, StandardCharsets.UTF_8);
    }
    assertThat(written).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void theGoldenFileReadsBackAsTheSameEvents() throws Exception {
    List<JournalEntry> entries = new JournalReader().readAll(GOLDEN);

    assertThat(entries).extracting(JournalEntry::event).containsExactlyElementsOf(everyType());
    assertThat(entries).extracting(JournalEntry::seq).startsWith(1L, 2L, 3L);
  }

  @Test
  void aVersionOneJournalStillReadsBackAsTheSameEvents() throws Exception {
    List<JournalEntry> entries = new JournalReader().readAll(GOLDEN_V1);

    assertThat(entries).extracting(JournalEntry::event).containsExactlyElementsOf(everyType());
  }

  @Test
  void everyEventLineCarriesTheHashOfTheLineBeforeIt() throws Exception {
    List<String> lines = Files.readAllLines(GOLDEN, StandardCharsets.UTF_8);

    for (int i = 1; i < lines.size(); i++) {
      String previous = Sha256.hex(lines.get(i - 1).getBytes(StandardCharsets.UTF_8));
      assertThat(lines.get(i)).startsWith("{\"seq\":" + i + ",\"prev\":\"" + previous + "\",");
    }
  }

  @Test
  void auditMetadataIsJournaledOnRunStartedAndReadsBack() throws Exception {
    Path journal = tmp.resolve("audit.jsonl");
    var started = new TimelineEvent.RunStarted(at(0), "r", "shop", "Shop", "/e.yaml", "ab12", "y",
        "0.1.0", Map.of(), Optional.empty(), Optional.of(new dev.gameday.core.model.Audit(
            Optional.of("cab@example.com"), Optional.of("CHG1"), List.of("SOC2:A1.3"))));
    try (JournalWriter w = JournalWriter.create(journal)) {
      w.append(started);
    }

    assertThat(Files.readAllLines(journal).get(1)).endsWith(",\"operator\":{},\"audit\":"
        + "{\"approver\":\"cab@example.com\",\"change\":\"CHG1\",\"controls\":[\"SOC2:A1.3\"]}}");
    assertThat(new JournalReader().readAll(journal)).singleElement()
        .satisfies(e -> assertThat(e.event()).isEqualTo(started));
  }

  @Test
  void everyEventTypeIsCovered() {
    var covered = everyType().stream().map(Object::getClass).distinct().count();
    assertThat(covered).isEqualTo(TimelineEvent.class.getPermittedSubclasses().length);
  }

  @Test
  void aTornLastLineIsReportedNotThrown() throws Exception {
    String golden = Files.readString(GOLDEN);
    Path torn = tmp.resolve("torn.jsonl");
    Files.writeString(torn, golden.substring(0, golden.length() - 20));

    var entries = new java.util.ArrayList<JournalEntry>();
    var problems = new JournalReader().read(torn, entries::add);

    assertThat(problems.truncated()).isTrue();
    assertThat(entries).hasSize(everyType().size() - 1);
  }

  @Test
  void aNewerFormatVersionIsRefusedWithAClearMessage() throws Exception {
    Path newer = tmp.resolve("newer.jsonl");
    Files.writeString(newer, "{\"journal\":\"gameday\",\"version\":99}\n");

    assertThatThrownBy(() -> new JournalReader().readAll(newer))
        .isInstanceOf(JournalReader.UnreadableJournalException.class)
        .hasMessageContaining("version 99").hasMessageContaining("newer");
  }

  @Test
  void appendingAfterACrashContinuesTheSequence() throws Exception {
    Path journal = tmp.resolve("j.jsonl");
    Files.writeString(journal, Files.readString(GOLDEN).substring(0, Files.readString(GOLDEN).length() - 20));
    var problems = new JournalReader().read(journal, e -> {});
    try (JournalWriter w = JournalWriter.append(journal, problems.lastSeq())) {
      w.append(new TimelineEvent.Note(at(100), TimelineEvent.Level.INFO, "rollback"));
    }
    List<JournalEntry> after = new JournalReader().readAll(journal);
    assertThat(after.getLast().seq()).isEqualTo(problems.lastSeq() + 1);
    assertThat(after.getLast().event()).isInstanceOf(TimelineEvent.Note.class);
    assertThat(new JournalChain().walk(journal, java.util.Set.of()))
        .isInstanceOf(ChainReport.Intact.class);
  }

  @Test
  void appendingToAVersionOneJournalKeepsItsFormat() throws Exception {
    Path journal = tmp.resolve("v1.jsonl");
    Files.copy(GOLDEN_V1, journal);
    try (JournalWriter w = JournalWriter.append(journal, everyType().size())) {
      w.append(new TimelineEvent.Note(at(100), TimelineEvent.Level.INFO, "rollback"));
    }
    assertThat(Files.readAllLines(journal).getLast()).startsWith("{\"seq\":" + (everyType().size() + 1)
        + ",\"type\":\"note\"");
    assertThat(new JournalReader().readAll(journal)).hasSize(everyType().size() + 1);
  }
}
