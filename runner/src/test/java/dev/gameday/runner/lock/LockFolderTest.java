package dev.gameday.runner.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gameday.core.port.TargetLease.Holder;
import dev.gameday.core.port.TargetLease.Refused;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock folder: all or nothing, one winner, holders named, dead holders kept until rollback. */
class LockFolderTest {
  @TempDir Path tmp;

  static final String VM = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/web-1";
  static final String NSG = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg-app";

  LockFolder folder() {
    return new LockFolder(tmp.resolve("locks"));
  }

  Holder holder(String runId) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("runs").resolve(runId));
    return new Holder(runId, dir.toString(), 1, "host", Instant.parse("2026-12-01T01:00:00Z"));
  }

  @Test
  void aRunThatDiedHoldingAResourceKeepsItAndNothingIsTakenHalfway() throws Exception {
    folder().acquire(Set.of(NSG), holder("dead-run"), false).close();

    Refused r = catchThrowableOfType(Refused.class,
        () -> folder().acquire(Set.of(VM, NSG), holder("second"), false));

    assertThat(r.live()).isFalse();
    assertThat(r.holder().runId()).isEqualTo("dead-run");
    assertThat(r.getMessage()).contains("gameday rollback").contains("dead-run");
    assertThat(folder().holderOf(VM)).as("all or nothing").isEmpty();
  }

  @Test
  void aRunningHolderIsNamedAndNeverOverriddenEvenByForce() throws Exception {
    Holder first = holder("first");
    folder().acquire(Set.of(VM), first, false);
    Process running = HoldRunDir.start(Path.of(first.runDir()));
    try {
      Refused r = catchThrowableOfType(Refused.class,
          () -> folder().acquire(Set.of(VM.toUpperCase()), holder("second"), true));

      assertThat(r.live()).isTrue();
      assertThat(r.getMessage()).contains("first").contains("which is running");
    } finally {
      running.getOutputStream().close();
      running.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void forceTakesOverADeadHoldersResourcesAndItsOwnRunTakesThemBack() throws Exception {
    folder().acquire(Set.of(VM), holder("dead-run"), false);

    folder().acquire(Set.of(VM), holder("forced"), true);
    assertThat(folder().holderOf(VM)).hasValueSatisfying(h -> assertThat(h.runId()).isEqualTo("forced"));

    folder().acquire(Set.of(VM), holder("forced"), false).release();
    assertThat(folder().holderOf(VM)).isEmpty();
  }

  @Test
  void releaseFreesOnlyTheRunsOwnResources() throws Exception {
    folder().acquire(Set.of(VM), holder("a"), false);
    folder().acquire(Set.of(NSG), holder("b"), false);

    folder().releaseAll("a");

    assertThat(folder().heldBy("a")).isEmpty();
    assertThat(folder().heldBy("b")).containsOnlyKeys(NSG.toLowerCase());
  }

  @Test
  void ofManyRunsStartingAtOnceExactlyOneGetsTheResources() throws Exception {
    int runs = 8;
    List<Holder> holders = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      holders.add(holder("run-" + i));
    }
    CountDownLatch go = new CountDownLatch(1);
    AtomicInteger won = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Thread> threads = new ArrayList<>();
    for (Holder h : holders) {
      threads.add(Thread.ofPlatform().start(() -> {
        try {
          go.await();
          new LockFolder(tmp.resolve("locks")).acquire(Set.of(VM, NSG), h, false);
          won.incrementAndGet();
        } catch (Refused r) {
          refused.incrementAndGet();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }));
    }
    go.countDown();
    for (Thread t : threads) {
      t.join(30_000);
    }

    assertThat(won.get()).isEqualTo(1);
    assertThat(refused.get()).isEqualTo(runs - 1);
    String winner = folder().holderOf(VM).orElseThrow().runId();
    assertThat(folder().holderOf(NSG)).hasValueSatisfying(h -> assertThat(h.runId()).isEqualTo(winner));
  }

  @Test
  void theFolderComesFromTheEnvironmentOrTheUsersStateDirectory() {
    assertThat(LockFolder.defaultDir(k -> k.equals(LockFolder.ENV) ? "/x/locks" : null))
        .isEqualTo(Path.of("/x/locks"));
    assertThat(LockFolder.defaultDir(k -> k.equals("XDG_STATE_HOME") ? "/state" : null))
        .isEqualTo(Path.of("/state/gameday/locks"));
  }
}
