package dev.gameday.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClient;
import dev.gameday.core.port.TargetLease;
import dev.gameday.core.port.TargetLease.Holder;
import dev.gameday.core.testing.Azurite;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blob leases against Azurite, at the shortest duration Blob Storage allows (15 s): a held
 * resource refuses another run naming its holder and host, stays held past its duration while
 * renewed, expires by itself once its holder stops renewing, and is freed by the holder's
 * rollback from another lease object (another process).
 */
class BlobTargetLeaseTest {
  static final Duration LEASE = Duration.ofSeconds(15);
  static final String VM = "/subscriptions/0000/resourceGroups/rg-shop/providers/"
      + "Microsoft.Compute/virtualMachines/vm-web-1";
  static final String NSG = "/subscriptions/0000/resourceGroups/rg-shop/providers/"
      + "Microsoft.Network/networkSecurityGroups/nsg-app";
  @TempDir static Path tmp;
  static Azurite azurite;
  static BlobContainerClient container;
  final List<String> warnings = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    azurite = Azurite.start(tmp.resolve("azurite"));
    container = BlobStores.container(azurite.containerUrl("leases-test"),
        Map.of(BlobStores.CONNECTION_STRING_ENV, azurite.connectionString())::get);
    container.create();
  }

  @AfterAll
  static void stop() throws Exception {
    if (azurite != null) {
      azurite.close();
    }
  }

  BlobTargetLease lease() {
    return new BlobTargetLease(container, LEASE, Duration.ofSeconds(20), warnings::add);
  }

  static Holder holder(String runId, String host) {
    return new Holder(runId, "/runs/" + runId + "-shop", 4242, host, Instant.now());
  }

  @Test
  void aHeldResourceRefusesAnotherRunUntilReleasedAndIsRenewedPastItsDuration() throws Exception {
    TargetLease.Held held = lease().acquire(Set.of(VM, NSG), holder("run-a", "host-a"), false);
    try {
      Thread.sleep(LEASE.plusSeconds(4).toMillis());   // longer than one lease: renewals keep it
      assertThatThrownBy(() -> lease().acquire(Set.of(NSG.toUpperCase()), holder("run-b", "host-b"),
          true)).isInstanceOfSatisfying(TargetLease.Refused.class, r -> {
            assertThat(r.holder().runId()).isEqualTo("run-a");
            assertThat(r.holder().host()).isEqualTo("host-a");
            assertThat(r.live()).isTrue();
            assertThat(r.getMessage()).contains("run run-a").contains("on host-a");
          });
      assertThat(lease().holds()).extracting(TargetLease.Hold::resource)
          .containsExactlyInAnyOrder(VM, NSG);
      assertThat(lease().holds()).allMatch(TargetLease.Hold::live);
    } finally {
      held.release();
      held.close();
    }
    assertThat(lease().holds()).isEmpty();
    try (TargetLease.Held b = lease().acquire(Set.of(NSG), holder("run-b", "host-b"), false)) {
      assertThat(b.tookOver()).isEmpty();
      b.release();
    }
    assertThat(warnings).isEmpty();
  }

  @Test
  void aHolderThatStopsRenewingLosesItsLeaseWhenItExpiresAndItsRollbackOrTheNextRunTakesIt()
      throws Exception {
    String vm2 = VM + "-2";
    TargetLease.Held crashed = lease().acquire(Set.of(VM, vm2), holder("run-c", "host-c"), false);
    crashed.close();   // no release: as a runner that died holding faults
    assertThatThrownBy(() -> lease().acquire(Set.of(VM), holder("run-d", "host-d"), false))
        .isInstanceOf(TargetLease.Refused.class);
    assertThat(lease().holds()).hasSize(2).allSatisfy(h -> {
      assertThat(h.holder().runId()).isEqualTo("run-c");
      assertThat(h.holder().host()).isEqualTo("host-c");
    });

    Thread.sleep(LEASE.plusSeconds(2).toMillis());
    assertThat(lease().holds()).hasSize(2).noneMatch(TargetLease.Hold::live);
    try (TargetLease.Held f = lease().acquire(Set.of(vm2), holder("run-f", "host-f"), false)) {
      assertThat(f.tookOver()).singleElement().satisfies(h -> {
        assertThat(h.resource()).isEqualTo(vm2);
        assertThat(h.holder().runId()).isEqualTo("run-c");
        assertThat(h.holder().host()).isEqualTo("host-c");
      });
      lease().releaseAll("run-c");   // the rollback of run-c, from another process
      assertThat(lease().holds()).singleElement().satisfies(h -> {
        assertThat(h.resource()).isEqualTo(vm2);
        assertThat(h.holder().runId()).as("run-f's hold is not run-c's to free").isEqualTo("run-f");
      });
      f.release();
    }
    assertThat(lease().holds()).isEmpty();
    try (TargetLease.Held d = lease().acquire(Set.of(VM), holder("run-d", "host-d"), false)) {
      assertThat(d.tookOver()).isEmpty();
      d.release();
    }
  }
}
