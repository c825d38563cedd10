package dev.gameday.store.blob;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.LeaseStateType;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobAcquireLeaseOptions;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import com.azure.storage.blob.specialized.BlobLeaseClient;
import com.azure.storage.blob.specialized.BlobLeaseClientBuilder;
import dev.gameday.core.port.TargetLease;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The target lease across hosts: one blob per resource, {@code leases/<ARM id in lower case>},
 * leased by the run that holds the resource for {@code duration} (Blob Storage allows 15 to 60
 * seconds) and renewed every third of it while the run holds faults. The blob's metadata names
 * the holder (run, run directory, pid, host, since) until the holder releases it after its last
 * revert. The lease id is derived from the run id, so a rollback of that run, from any host, can
 * take the lease back and free it.
 *
 * <p>A runner that dies stops renewing: its leases expire by themselves within {@code duration}
 * and the next run that needs the resource takes them, learning from the metadata left behind
 * which run did not release them ({@link Held#tookOver()}).
 */
public final class BlobTargetLease implements TargetLease {
  static final String LEASES = "leases/";
  /** How long a refused run waits for the lease's new holder to write its name. */
  static final Duration NAMING_WAIT = Duration.ofSeconds(10);
  private final BlobContainerClient container;
  private final Duration duration;
  private final Duration timeout;
  private final Consumer<String> warn;

  public BlobTargetLease(BlobContainerClient container, Duration duration, Duration timeout,
      Consumer<String> warn) {
    long s = duration.toSeconds();
    if (s < 15 || s > 60) {
      throw new IllegalArgumentException("a blob lease lasts 15 to 60 seconds, not " + s);
    }
    this.container = container;
    this.duration = duration;
    this.timeout = timeout;
    this.warn = warn;
  }

  /** The lease id a run uses on every blob it leases (the same from every process and host). */
  static String leaseId(String runId) {
    return UUID.nameUUIDFromBytes(("gameday-run:" + runId).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** The blob that stands for {@code resource}: its ARM id, in lower case as ARM compares. */
  static String blobName(String resource) {
    String id = resource.toLowerCase(Locale.ROOT);
    return LEASES + (id.startsWith("/") ? id.substring(1) : id);
  }

  @Override
  public Held acquire(Set<String> resources, Holder holder, boolean takeOverDead)
      throws Refused {
    String leaseId = leaseId(holder.runId());
    List<BlobClient> taken = new ArrayList<>();
    List<Hold> tookOver = new ArrayList<>();
    try {
      for (String resource : new TreeSet<>(resources)) {
        BlobClient blob = container.getBlobClient(blobName(resource));
        createIfMissing(blob);
        try {
          lease(blob, leaseId).acquireLeaseWithResponse(
              new BlobAcquireLeaseOptions((int) duration.toSeconds()), timeout, Context.NONE);
        } catch (BlobStorageException e) {
          if (e.getStatusCode() == 409) {
            throw new Refused(resource, holderNamedOn(blob), true);
          }
          throw e;
        }
        taken.add(blob);
        Map<String, String> before = blob.getProperties().getMetadata();
        holderOf(before).filter(h -> !h.runId().equals(holder.runId()))
            .ifPresent(h -> tookOver.add(new Hold(resource, h, false)));
        blob.setMetadataWithResponse(metadata(resource, holder),
            new BlobRequestConditions().setLeaseId(leaseId), timeout, Context.NONE);
      }
    } catch (Refused | RuntimeException e) {
      taken.forEach(b -> quietly(() -> free(b, leaseId, holder.runId())));
      throw e;
    }
    return new Renewing(taken, leaseId, holder.runId(), List.copyOf(tookOver));
  }

  /** The leases one run holds, renewed every third of their duration until released or closed. */
  private final class Renewing implements Held {
    private final List<BlobClient> blobs;
    private final String leaseId;
    private final String runId;
    private final List<Hold> tookOver;
    private final ScheduledExecutorService renewer;

    Renewing(List<BlobClient> blobs, String leaseId, String runId, List<Hold> tookOver) {
      this.blobs = blobs;
      this.leaseId = leaseId;
      this.runId = runId;
      this.tookOver = tookOver;
      this.renewer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform()
          .daemon().name("gameday-lease").unstarted(r));
      long every = duration.toMillis() / 3;
      renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    private void renew() {
      for (BlobClient b : blobs) {
        try {
          lease(b, leaseId).renewLeaseWithResponse((BlobRequestConditions) null, timeout,
              Context.NONE);
        } catch (RuntimeException e) {
          warn.accept("the lease on " + b.getBlobName() + " could not be renewed ("
              + BlobStores.brief(e) + "); it expires within " + duration.toSeconds()
              + " s unless a renewal gets through");
        }
      }
    }

    @Override
    public List<Hold> tookOver() {
      return tookOver;
    }

    @Override
    public void release() {
      renewer.shutdownNow();
      for (BlobClient b : blobs) {
        try {
          free(b, leaseId, runId);
        } catch (RuntimeException e) {
          warn.accept("the lease on " + b.getBlobName() + " could not be released ("
              + BlobStores.brief(e) + "); it expires within " + duration.toSeconds() + " s");
        }
      }
    }

    @Override
    public void close() {
      renewer.shutdownNow();
    }
  }

  @Override
  public void releaseAll(String runId) {
    String leaseId = leaseId(runId);
    for (BlobItem item : leaseBlobs()) {
      if (holderOf(item.getMetadata()).filter(h -> h.runId().equals(runId)).isPresent()) {
        BlobClient blob = container.getBlobClient(item.getName());
        try {
          lease(blob, leaseId).acquireLeaseWithResponse(
              new BlobAcquireLeaseOptions((int) duration.toSeconds()), timeout, Context.NONE);
          free(blob, leaseId, runId);
        } catch (BlobStorageException e) {
          if (e.getStatusCode() != 409) {
            throw e;
          }
          // another run leased it after this run's lease expired: that run holds it now
        }
      }
    }
  }

  @Override
  public List<Hold> holds() {
    List<Hold> out = new ArrayList<>();
    for (BlobItem item : leaseBlobs()) {
      holderOf(item.getMetadata()).ifPresent(h -> out.add(new Hold(
          URLDecoder.decode(item.getMetadata().get("resource"), StandardCharsets.UTF_8), h,
          item.getProperties().getLeaseState() == LeaseStateType.LEASED)));
    }
    return out;
  }

  private Iterable<BlobItem> leaseBlobs() {
    return container.listBlobs(new ListBlobsOptions().setPrefix(LEASES)
        .setDetails(new BlobListDetails().setRetrieveMetadata(true)), timeout);
  }

  /**
   * The holder a leased blob names. A holder writes its name just after it took the lease: a
   * run that asked in between waits for it a moment ({@link #NAMING_WAIT}) rather than report an
   * unknown holder.
   */
  private Holder holderNamedOn(BlobClient blob) {
    long deadline = System.nanoTime() + NAMING_WAIT.toNanos();
    while (true) {
      Optional<Holder> h = holderOf(blob.getProperties().getMetadata());
      if (h.isPresent()) {
        return h.get();
      }
      if (System.nanoTime() > deadline) {
        return new Holder("?", "?", 0, "?", Instant.EPOCH);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Holder("?", "?", 0, "?", Instant.EPOCH);
      }
    }
  }

  /** Forgets the holder and lets go of the lease (held with {@code leaseId}). */
  private void free(BlobClient blob, String leaseId, String runId) {
    blob.setMetadataWithResponse(Map.of(), new BlobRequestConditions().setLeaseId(leaseId),
        timeout, Context.NONE);
    lease(blob, leaseId).releaseLeaseWithResponse((BlobRequestConditions) null, timeout,
        Context.NONE);
  }

  private void createIfMissing(BlobClient blob) {
    try {
      blob.uploadWithResponse(new BlobParallelUploadOptions(BinaryData.fromBytes(new byte[0]))
          .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*")), timeout,
          Context.NONE);
    } catch (BlobStorageException e) {
      if (e.getStatusCode() != 409 && e.getStatusCode() != 412) {
        throw e;
      }
    }
  }

  private static BlobLeaseClient lease(BlobClient blob, String leaseId) {
    return new BlobLeaseClientBuilder().blobClient(blob).leaseId(leaseId).buildClient();
  }

  private static Map<String, String> metadata(String resource, Holder h) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("resource", enc(resource));
    m.put("runid", enc(h.runId()));
    m.put("rundir", enc(h.runDir()));
    m.put("pid", Long.toString(h.pid()));
    m.put("host", enc(h.host()));
    m.put("since", h.since().toString());
    return m;
  }

  static Optional<Holder> holderOf(Map<String, String> m) {
    if (m == null || !m.containsKey("runid")) {
      return Optional.empty();
    }
    return Optional.of(new Holder(dec(m.get("runid")), dec(m.getOrDefault("rundir", "?")),
        Long.parseLong(m.getOrDefault("pid", "0")), dec(m.getOrDefault("host", "?")),
        Instant.parse(m.getOrDefault("since", Instant.EPOCH.toString()))));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static String dec(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static void quietly(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ignored) {
      // best effort: an unreleased lease expires by itself
    }
  }
}
