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
