package dev.gameday.store.blob;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.AppendBlobRequestConditions;
import com.azure.storage.blob.models.BlobErrorCode;
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
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The run store in an Azure Blob Storage container: {@code runs/RUN/FILE}, the journal as an
 * append blob that grows with the run (each append is conditional on the stored length, so a
 * retried append is never written twice), every other file as a block blob carrying the SHA-256
 * of its bytes in its metadata ({@code sha256}); each finished run's summary as
 * {@code summaries/RUN}. Every call is bounded by {@code timeout}.
 */
public final class BlobRunStore implements RunStore {
  static final String RUNS = "runs/";
  static final String SUMMARIES = "summaries/";
  private static final String SHA256 = "sha256";
  private static final String SUMMARY = "summary";
  /** The longest summary kept in metadata too (a blob's metadata may hold 8 KiB in all). */
  private static final int INLINE = 6 * 1024;

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
      for (BlobItem item : container.listBlobs(withMetadata(prefix), timeout)) {
        Stored s = stored(item.getName().substring(prefix.length()), item);
        out.put(s.name(), s);
      }
      return out;
    });
  }

  /** Every run's files from one listing of {@code runs/} (5,000 blobs per page). */
  @Override
  public Map<String, Map<String, Stored>> listing() {
    return call("list the runs' files", () -> {
      Map<String, Map<String, Stored>> out = new TreeMap<>();
      for (BlobItem item : container.listBlobs(withMetadata(RUNS), timeout)) {
        String path = item.getName().substring(RUNS.length());
        int slash = path.indexOf('/');
        if (slash <= 0 || path.indexOf('/', slash + 1) >= 0) {
          continue;   // not runs/RUN/FILE: nothing this store wrote
        }
        Stored s = stored(path.substring(slash + 1), item);
        out.computeIfAbsent(path.substring(0, slash), r -> new LinkedHashMap<>()).put(s.name(), s);
      }
      return out;
    });
  }

  private static ListBlobsOptions withMetadata(String prefix) {
    return new ListBlobsOptions().setPrefix(prefix)
        .setDetails(new BlobListDetails().setRetrieveMetadata(true));
  }

  private static Stored stored(String name, BlobItem item) {
    Map<String, String> meta = item.getMetadata() == null ? Map.of() : item.getMetadata();
    return new Stored(name, item.getProperties().getContentLength(),
        Optional.ofNullable(meta.get(SHA256)));
  }

  /**
   * {@code summaries/RUN}: the summary as the blob's content and, when it is short enough, also
   * in its metadata ({@code summary}, base64url), so that one listing brings every run's.
   */
  @Override
  public void putSummary(String run, byte[] summary) {
    call("store the summary of " + run, () -> {
      String inline = Base64.getUrlEncoder().withoutPadding().encodeToString(summary);
      container.getBlobClient(SUMMARIES + StoreNames.requireRun(run)).getBlockBlobClient()
          .uploadWithResponse(new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(summary))
              .setMetadata(inline.length() <= INLINE ? Map.of(SUMMARY, inline) : Map.of()),
              timeout, Context.NONE);
      return null;
    });
  }

  /**
   * Removes {@code summaries/RUN}; under a WORM policy it cannot be removed and is left as it is
   * (docs/store.md, limits): the journal that grows past it matters more.
   */
  @Override
  public void dropSummary(String run) {
    call("remove the summary of " + run, () -> {
      try {
        return container.getBlobClient(SUMMARIES + StoreNames.requireRun(run))
            .deleteIfExistsWithResponse(null, null, timeout, Context.NONE);
      } catch (BlobStorageException e) {
        if (BlobErrorCode.BLOB_IMMUTABLE_DUE_TO_POLICY.equals(e.getErrorCode())) {
          return null;
        }
        throw e;
      }
    });
  }

  @Override
  public boolean hasSummary(String run) {
    return call("look for the summary of " + run, () -> container.getBlobClient(SUMMARIES
        + StoreNames.requireRun(run)).existsWithResponse(timeout, Context.NONE).getValue());
  }

  @Override
  public Map<String, byte[]> summaries() {
    return call("list the runs' summaries", () -> {
      Map<String, byte[]> out = new TreeMap<>();
      for (BlobItem item : container.listBlobs(withMetadata(SUMMARIES), timeout)) {
        String run = item.getName().substring(SUMMARIES.length());
        if (!StoreNames.isRun(run)) {
          continue;
        }
        String inline = item.getMetadata() == null ? null : item.getMetadata().get(SUMMARY);
        out.put(run, inline != null ? Base64.getUrlDecoder().decode(inline)
            : container.getBlobClient(item.getName()).downloadContentWithResponse(null, null,
                timeout, Context.NONE).getValue().toBytes());
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
