package dev.gameday.runner.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLivenessTest {
  @TempDir Path dir;

  @Test
  void theHoldersPidIsOnRecordTheMomentItHoldsTheRun() throws Exception {
    try (RunLiveness.Held held = RunLiveness.hold(dir, "run")) {
      String file = Files.readString(dir.resolve(RunLiveness.FILE));

      assertThat(file).contains("\"pid\":" + ProcessHandle.current().pid())
          .contains("\"activity\":\"run\"");
    }
  }

  @Test
  void aLongerLockFileOfADeadRunIsOverwrittenWhole() throws Exception {
    Files.writeString(dir.resolve(RunLiveness.FILE), "{\"pid\":1,\"activity\":\"rollback\","
        + "\"heartbeat\":\"2026-01-01T00:00:00Z\",\"note\":\"" + "x".repeat(300) + "\"}");

    try (RunLiveness.Held held = RunLiveness.hold(dir, "run")) {
      String file = Files.readString(dir.resolve(RunLiveness.FILE));

      assertThat(file).doesNotContain("xxx").doesNotContain("rollback");
      assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(file).path("pid")
          .asLong()).isEqualTo(ProcessHandle.current().pid());
    }
  }
}
