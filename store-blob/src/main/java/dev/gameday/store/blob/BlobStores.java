package dev.gameday.store.blob;

import com.azure.core.http.HttpClient;
import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;

/**
 * Opens the container a {@code --store} URL names: {@code https://ACCOUNT.blob.core.windows.net/
 * CONTAINER} with {@code DefaultAzureCredential} (as the ARM calls), or — when
 * {@value #CONNECTION_STRING_ENV} is set, as for the Azurite emulator — with that connection
 * string and the URL's last path segment as the container. Calls are retried briefly (a store
 * that is down must cost a run little): {@link #TRIES} tries of at most {@link #TRY_TIMEOUT}.
 */
public final class BlobStores {
  /** The environment variable with a storage connection string (the emulator's, or a key's). */
  public static final String CONNECTION_STRING_ENV = "GAMEDAY_STORE_CONNECTION_STRING";
  static final int TRIES = 3;
  static final Duration TRY_TIMEOUT = Duration.ofSeconds(10);
  /** The bound of one store call, retries included. */
  public static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private BlobStores() {}

  /** Whether {@code url} names a Blob Storage container (http or https). */
  public static boolean isBlobUrl(String url) {
    return url.startsWith("https://") || url.startsWith("http://");
  }

  /** The run store in the container {@code url} names; nothing is contacted yet. */
  public static BlobRunStore runStore(String url, Function<String, String> env) {
    return new BlobRunStore(container(url, env), CALL_TIMEOUT);
  }

  /** The target lease in the container {@code url} names, leases lasting {@code duration}. */
  public static BlobTargetLease lease(String url, Function<String, String> env,
      Duration duration, java.util.function.Consumer<String> warn) {
    return new BlobTargetLease(container(url, env), duration, CALL_TIMEOUT, warn);
  }

  /** The container {@code url} names; nothing is contacted yet. */
  public static BlobContainerClient container(String url, Function<String, String> env) {
    URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    String path = uri.getPath() == null ? "" : uri.getPath();
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (name.isBlank() || uri.getHost() == null) {
      throw new IllegalArgumentException("--store " + url + " names no container: give "
          + "https://ACCOUNT.blob.core.windows.net/CONTAINER");
    }
    HttpClient http = new JdkHttpClientBuilder().connectionTimeout(Duration.ofSeconds(5)).build();
    RequestRetryOptions retry = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, TRIES,
        TRY_TIMEOUT, Duration.ofMillis(200), Duration.ofSeconds(2), null);
    BlobContainerClientBuilder b = new BlobContainerClientBuilder().httpClient(http)
        .retryOptions(retry);
    String connection = env.apply(CONNECTION_STRING_ENV);
    if (connection != null && !connection.isBlank()) {
      return b.connectionString(connection).containerName(name).buildClient();
    }
    if (!"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("--store " + url + ": Azure credentials are sent over "
          + "https only; for the emulator set " + CONNECTION_STRING_ENV);
    }
    return b.endpoint(url).credential(new DefaultAzureCredentialBuilder().build()).buildClient();
  }

  /** A storage error in one line: the status and error code, not the SDK's whole dump. */
  static String brief(RuntimeException e) {
    if (e instanceof BlobStorageException s) {
      return "HTTP " + s.getStatusCode() + " " + s.getErrorCode();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + (root.getMessage() == null ? ""
        : ": " + root.getMessage().lines().findFirst().orElse(""));
  }
}
