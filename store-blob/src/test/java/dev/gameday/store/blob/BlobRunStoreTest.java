package dev.gameday.store.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.storage.blob.BlobContainerClient;
import dev.gameday.core.digest.Sha256;
import dev.gameday.core.port.RunStore;
import dev.gameday.core.testing.Azurite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Blob run store against Azurite: what is stored reads back byte for byte. */
class BlobRunStoreTest {
  @TempDir static Path tmp;
  static Azurite azurite;
  static BlobContainerClient container;
  static RunStore store;

  @BeforeAll
  static void start() throws Exception {
    azurite = Azurite.start(tmp.resolve("azurite"));
    container = BlobStores.container(azurite.containerUrl("runs-test"),
        Map.of(BlobStores.CONNECTION_STRING_ENV, azurite.connectionString())::get);
    container.create();
    store = new BlobRunStore(container, Duration.ofSeconds(20));
  }

  @AfterAll
  static void stop() throws Exception {
    if (azurite != null) {
      azurite.close();
    }
  }

  @Test
  void aFileStoredWholeReadsBackWithItsHash() throws Exception {
    Path report = Files.writeString(tmp.resolve("report.json"), "{\"verdict\":\"PASSED\"}\n");
    store.put("20261128t020000z-3f2a-shop", "report.json", report);

    assertThat(store.runs()).contains("20261128t020000z-3f2a-shop");
    RunStore.Stored s = store.files("20261128t020000z-3f2a-shop").get("report.json");
    assertThat(s.size()).isEqualTo(Files.size(report));
    assertThat(s.sha256()).isEqualTo(Optional.of(Sha256.of(report)));
    Path back = tmp.resolve("back.json");
    store.get("20261128t020000z-3f2a-shop", "report.json", back);
    assertThat(back).hasSameBinaryContentAs(report);
  }

  @Test
  void oneListingGivesEveryRunsFiles() throws Exception {
    Path report = Files.writeString(tmp.resolve("listed.json"), "{\"verdict\":\"FAILED\"}\n");
    byte[] journal = "{\"journal\":\"gameday\",\"version\":2}\n".getBytes(StandardCharsets.UTF_8);
    store.append("20261128t040000z-0002-shop", "journal.jsonl", journal, 0);
    store.put("20261128t040000z-0002-shop", "report.json", report);
    store.append("20261128t050000z-0003-shop", "journal.jsonl", journal, 0);

    Map<String, Map<String, RunStore.Stored>> all = store.listing();

    assertThat(all).containsKeys("20261128t040000z-0002-shop", "20261128t050000z-0003-shop");
    assertThat(all.get("20261128t040000z-0002-shop"))
        .isEqualTo(store.files("20261128t040000z-0002-shop"));
    assertThat(all.get("20261128t050000z-0003-shop")).containsOnlyKeys("journal.jsonl");
  }

  @Test
  void summariesShortOrLongReadBackFromOneListingAndADroppedOneIsGone() {
    byte[] small = "{\"summaryVersion\":1,\"runId\":\"a\"}".getBytes(StandardCharsets.UTF_8);
    byte[] large = ("{\"summaryVersion\":1,\"steps\":\"" + "x".repeat(7000) + "\"}")
        .getBytes(StandardCharsets.UTF_8);   // beyond what the blob's metadata may hold
    store.putSummary("20261128t060000z-0004-shop", small);
    store.putSummary("20261128t070000z-0005-shop", large);
    store.putSummary("20261128t080000z-0006-shop", small);
    store.dropSummary("20261128t080000z-0006-shop");
    store.dropSummary("20261128t090000z-0007-shop");   // none: nothing to do

    Map<String, byte[]> all = store.summaries();

    assertThat(all).containsOnlyKeys("20261128t060000z-0004-shop", "20261128t070000z-0005-shop");
    assertThat(all.get("20261128t060000z-0004-shop")).isEqualTo(small);
    assertThat(all.get("20261128t070000z-0005-shop")).isEqualTo(large);
    assertThat(store.hasSummary("20261128t070000z-0005-shop")).isTrue();
    assertThat(store.hasSummary("20261128t080000z-0006-shop")).as("dropped").isFalse();
    assertThat(store.hasSummary("20261128t090000z-0007-shop")).as("never stored").isFalse();
    assertThat(store.runs()).as("summaries are not runs")
        .doesNotContain("20261128t060000z-0004-shop");
  }

  @Test
  void theJournalGrowsByAppendsAtTheStoredLengthAndARepeatedAppendIsRefused() throws Exception {
    String run = "20261128t030000z-0001-shop";
    byte[] first = "{\"journal\":\"gameday\",\"version\":2}\n".getBytes(StandardCharsets.UTF_8);
    byte[] second = "{\"seq\":1}\n".getBytes(StandardCharsets.UTF_8);
    long at = store.append(run, "journal.jsonl", first, 0);
    at = store.append(run, "journal.jsonl", second, at);

    long stored = at;
    assertThatThrownBy(() -> store.append(run, "journal.jsonl", second, first.length))
        .isInstanceOf(RunStore.StoreException.class).hasMessageContaining("append");
    assertThat(store.files(run).get("journal.jsonl").size()).isEqualTo(stored);
    Path back = tmp.resolve("journal-back.jsonl");
    store.get(run, "journal.jsonl", back);
    assertThat(Files.readString(back)).isEqualTo(new String(first, StandardCharsets.UTF_8)
        + new String(second, StandardCharsets.UTF_8));
  }

  @Test
  void aStoreThatIsNotThereFailsWithItsLocationAndNoSecret() {
    BlobContainerClient nowhere = BlobStores.container("http://127.0.0.1:1/devstoreaccount1/c",
        Map.of(BlobStores.CONNECTION_STRING_ENV, azurite.connectionString()
            .replace(":" + azurite.port() + "/", ":1/"))::get);
    RunStore down = new BlobRunStore(nowhere, Duration.ofSeconds(10));
    assertThatThrownBy(down::runs).isInstanceOf(RunStore.StoreException.class)
        .hasMessageContaining("127.0.0.1:1").hasMessageNotContaining("AccountKey");
  }
}
