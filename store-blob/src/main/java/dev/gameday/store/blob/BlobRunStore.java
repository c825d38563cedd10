package dev.gameday.store.blob;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.AppendBlobRequestConditions;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.AppendBlobCreateOptions;
import com.azure.storage.blob.options.BlobUploadFromFileOptions;
import com.azure.storage.blob.specialized.AppendBlobClient;
import dev.gameday.core.digest.Sha256;
import dev.gameday.core.port.RunStore;
import dev.gameday.core.store.StoreNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run store in an Azure Blob Storage container: {@code runs/RUN/FILE}, the journal as an
 * append blob that grows with the run (each append is conditional on the stored length, so a
 * retried append is never written twice), every other file as a block blob carrying the SHA-256
 * of its bytes in its metadata ({@code sha256}). Every call is bounded by {@code timeout}.
 */
public final class BlobRunStore implements RunStore {
  static final String RUNS = "runs/";
  private static final String SHA256 = "sha256";

  private final BlobContainerClient container;
  private final Duration timeout;

  public BlobRunStore(BlobContainerClient container, Duration timeout) {
    this.container = container;
    this.timeout = timeout;
  }

  @Override
  public String location() {
    return container.getBlobContainerUrl();
  }

  @Override
  public List<String> runs() {
    List<String> out = new ArrayList<>();
    return call("list the runs", () -> {
      for (BlobItem item : container.listBlobsByHierarchy("/", new ListBlobsOptions()
          .setPrefix(RUNS), timeout)) {
        if (Boolean.TRUE.equals(item.isPrefix())) {
          String name = item.getName().substring(RUNS.length());
          out.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
        }
      }
      return out.stream().sorted().toList();
    });
  }

  @Override
  public Map<String, Stored> files(String run) {
    String prefix = RUNS + StoreNames.requireRun(run) + "/";
    return call("list the files of " + run, () -> {
      Map<String, Stored> out = new LinkedHashMap<>();
      for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix)
          .setDetails(new BlobListDetails().setRetrieveMetadata(true)), timeout)) {
        String name = item.getName().substring(prefix.length());
        Map<String, String> meta = item.getMetadata() == null ? Map.of() : item.getMetadata();
        out.put(name, new Stored(name, item.getProperties().getContentLength(),
            Optional.ofNullable(meta.get(SHA256))));
      }
      return out;
    });
  }

  @Override
  public void put(String run, String file, Path source) {
    call("store " + run + "/" + file, () -> {
      try {
        blob(run, file).uploadFromFileWithResponse(new BlobUploadFromFileOptions(source.toString())
            .setMetadata(Map.of(SHA256, Sha256.of(source))), timeout, Context.NONE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return null;
    });
  }

  @Override
  public long append(String run, String file, byte[] bytes, long at) {
    return call("append to " + run + "/" + file, () -> {
      AppendBlobClient blob = blob(run, file).getAppendBlobClient();
      if (at == 0) {
        try {
          blob.createWithResponse(new AppendBlobCreateOptions().setRequestConditions(
              new com.azure.storage.blob.models.BlobRequestConditions().setIfNoneMatch("*")),
              timeout, Context.NONE);
        } catch (BlobStorageException e) {
          if (e.getStatusCode() != 409) {
            throw e;
          }
        }
      }
      if (bytes.length > 0) {
        blob.appendBlockWithResponse(BinaryData.fromBytes(bytes).toStream(), bytes.length, null,
            new AppendBlobRequestConditions().setAppendPosition(at), timeout, Context.NONE);
      }
      return at + bytes.length;
    });
  }

  @Override
  public void get(String run, String file, Path target) {
    call("read " + run + "/" + file, () -> {
      blob(run, file).downloadToFileWithResponse(new com.azure.storage.blob.options
          .BlobDownloadToFileOptions(target.toString()).setOpenOptions(java.util.Set.of(
              java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
              java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)), timeout, Context.NONE);
      return null;
    });
  }

  private BlobClient blob(String run, String file) {
    return container.getBlobClient(RUNS + StoreNames.requireRun(run) + "/"
        + StoreNames.requireFile(file));
  }

  private <T> T call(String what, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw new StoreException(location() + ": could not " + what + ": " + BlobStores.brief(e), e);
    }
  }
}
