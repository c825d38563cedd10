package dev.gameday.azure.arm;

import com.azure.core.exception.ClientAuthenticationException;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.util.BinaryData;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends ARM requests through an azure-core {@link HttpPipeline} (credential, logging; no retry
 * policy of its own) and makes each call resilient with resilience4j: a rate limiter per
 * subscription and kind (read/write), a time limit per attempt, and retries as decided by
 * {@link ArmResilience#retryable}, within a deadline when one is set ({@link #until}). Error
 * answers become {@link ArmHttpException}, lost answers {@link ArmTransportException}.
 */
public final class ArmClient {
  private static final Logger LOG = LoggerFactory.getLogger(ArmClient.class);
  private static final Pattern SUBSCRIPTION = Pattern.compile("(?i)^/subscriptions/([^/?]+)");

  private final HttpPipeline pipeline;
  private final URI endpoint;
  private final ArmResilience resilience;
  private final RetryConfig retryConfig;
  private final TimeLimiter timeLimiter;
  private final ConcurrentMap<String, RateLimiter> limiters;
  private final Optional<Deadline> deadline;

  /** An instant no call may outlive: each attempt, each retry wait ends by it. */
  private record Deadline(Instant at, Supplier<Instant> now) {
    Duration remaining() {
      return Duration.between(now.get(), at);
    }
  }

  public ArmClient(HttpPipeline pipeline, URI endpoint, ArmResilience resilience) {
    this(pipeline, endpoint, resilience, new ConcurrentHashMap<>(), Optional.empty());
  }

  private ArmClient(HttpPipeline pipeline, URI endpoint, ArmResilience resilience,
      ConcurrentMap<String, RateLimiter> limiters, Optional<Deadline> deadline) {
    this.pipeline = pipeline;
    String e = endpoint.toString();
    this.endpoint = URI.create(e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
    this.resilience = resilience;
    this.limiters = limiters;
    this.deadline = deadline;
    IntervalBiFunction<Object> wait = interval(resilience);
    this.retryConfig = RetryConfig.custom()
        .maxAttempts(resilience.maxAttempts())
        .intervalBiFunction(deadline.isEmpty() ? wait : (attempt, outcome) -> Math.max(1L,
            Math.min(wait.apply(attempt, outcome), deadline.get().remaining().toMillis())))
        .retryOnException(t -> t instanceof ArmException)
        .failAfterMaxAttempts(false)
        .build();
    this.timeLimiter = limiter(resilience.callTimeout());
  }

  private static TimeLimiter limiter(Duration timeout) {
    return TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(timeout)
        .cancelRunningFuture(true).build());
  }

  /**
   * This client with a deadline (a revert's): every attempt is limited to the time left, no
   * retry waits past it, and once it has passed nothing more is sent. Shares this client's rate
   * limits.
   */
  public ArmClient until(Instant at, Supplier<Instant> now) {
    return new ArmClient(pipeline, endpoint, resilience, limiters,
        Optional.of(new Deadline(at, now)));
  }

  /** A {@code Retry-After} that would end after the deadline: no retry at all. */
  private boolean waitOutlivesDeadline(Throwable t) {
    return deadline.isPresent() && t instanceof ArmHttpException h && h.retryAfter()
        .filter(wait -> wait.compareTo(deadline.get().remaining()) >= 0).isPresent();
  }

  private boolean pastDeadline() {
    return deadline.isPresent() && !deadline.get().remaining().isPositive();
  }

  /** The ARM endpoint requests go to, without a trailing slash. */
  public URI endpoint() {
    return endpoint;
  }

  /** Sends the request, retrying as the resilience settings allow; throws on an error answer. */
  public ArmResponse send(ArmRequest request) {
    Retry retry = Retry.of("arm", RetryConfig.from(retryConfig)
        .retryOnException(t -> !pastDeadline() && !waitOutlivesDeadline(t)
            && ArmResilience.retryable(request, t)).build());
    retry.getEventPublisher().onRetry(e -> LOG.info("retrying {} in {} ms (attempt {}): {}",
        request.method() + " " + request.path(), e.getWaitInterval().toMillis(),
        e.getNumberOfRetryAttempts(), e.getLastThrowable().getMessage()));
    try {
      return retry.executeCallable(() -> once(request));
    } catch (ArmException e) {
      throw interruptedOr(request, e);
    } catch (Exception e) {
      throw interruptedOr(request, new ArmTransportException(request.describe(), e.toString(),
          true, e));
    }
  }

  /**
   * resilience4j answers an interrupted retry wait by setting the flag again and rethrowing the
   * last failure: that failure must not look retryable to the caller, which is being cancelled.
   */
  private static ArmException interruptedOr(ArmRequest request, ArmException e) {
    if (Thread.currentThread().isInterrupted() && !(e instanceof ArmInterruptedException)) {
      return new ArmInterruptedException(request.describe(), e);
    }
    return e;
  }

  /** Sends the request; a 404 answer becomes an empty result. */
  public Optional<ArmResponse> find(ArmRequest request) {
    try {
      return Optional.of(send(request));
    } catch (ArmHttpException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Pages of a list followed at most, so a list that never ends cannot hold a run. */
  public static final int MAX_PAGES = 50;

  /**
   * The {@code value} items of a list answer and of every page after it: ARM's
   * {@code x-ms-pageable} lists (VMs, NSGs, permissions) name the next page's absolute URL in
   * {@code nextLink}; at most {@link #MAX_PAGES} pages.
   */
  public List<JsonNode> values(ArmResponse first) {
    List<JsonNode> out = new ArrayList<>();
    ArmResponse page = first;
    for (int i = 1; ; i++) {
      out.addAll(Json.elements(page.body(), "/value"));
      Optional<String> next = Json.text(page.body(), "/nextLink");
      if (next.isEmpty() || i >= MAX_PAGES) {
        return out;
      }
      page = getUrl(next.get());
    }
  }

  /**
   * GET on an absolute URL ARM handed out (an operation status). Refused unless it is on the ARM
   * endpoint's host, so the token never goes anywhere else.
   */
  public ArmResponse getUrl(String url) {
    URI u = URI.create(url);
    if (u.getHost() == null || !u.getHost().equalsIgnoreCase(endpoint.getHost())
        || u.getPort() != endpoint.getPort()) {
      throw new ArmTransportException("GET " + u.getPath(),
          "refusing to follow an operation URL outside " + endpoint.getHost(), false, null);
    }
    Map<String, String> query = new java.util.LinkedHashMap<>();
    if (u.getRawQuery() != null) {
      for (String kv : u.getRawQuery().split("&")) {
        int i = kv.indexOf('=');
        String k = i < 0 ? kv : kv.substring(0, i);
        String v = i < 0 ? "" : java.net.URLDecoder.decode(kv.substring(i + 1),
            java.nio.charset.StandardCharsets.UTF_8);
        query.put(k, v);
      }
    }
    String path = u.getRawPath();
    String prefix = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    if (!prefix.isEmpty() && path.startsWith(prefix)) {
      path = path.substring(prefix.length());
    }
    return send(new ArmRequest(HttpVerb.GET, path, query, Optional.empty(), Map.of(), true, true));
  }

  private ArmResponse once(ArmRequest request) throws ArmException {
    if (Thread.currentThread().isInterrupted()) {
      throw new ArmInterruptedException(request.describe(), null);
    }
    if (pastDeadline()) {
      throw new ArmDeadlineException(request.describe(), deadline.get().at(), false, null);
    }
    Duration timeout = deadline.map(d -> d.remaining()).filter(r -> r.compareTo(
        resilience.callTimeout()) < 0).orElse(resilience.callTimeout());
    TimeLimiter attempt = timeout.equals(resilience.callTimeout()) ? timeLimiter
        : limiter(timeout);
    acquire(request);
    HttpRequest http = new HttpRequest(HttpMethod.valueOf(request.method().name()),
        endpoint + request.pathAndQuery());
    request.headers().forEach((k, v) -> http.setHeader(HttpHeaderName.fromString(k), v));
    request.body().ifPresent(b -> {
      http.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
      http.setBody(BinaryData.fromString(Json.write(b)));
    });
    Raw raw;
    try {
      raw = attempt.executeFutureSupplier(() -> pipeline.send(http)
          .flatMap(r -> r.getBodyAsString().defaultIfEmpty("")
              .map(body -> new Raw(r.getStatusCode(), headers(r), body))
              .doFinally(s -> r.close()))
          .toFuture());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ArmInterruptedException(request.describe(), e);
    } catch (TimeoutException e) {
      if (attempt != timeLimiter) {
        throw new ArmDeadlineException(request.describe(), deadline.get().at(), true, e);
      }
      throw new ArmTransportException(request.describe(),
          "no answer within " + timeout, true, e);
    } catch (ExecutionException e) {
      throw transport(request, e.getCause() == null ? e : e.getCause());
    } catch (ArmException e) {
      throw e;
    } catch (Exception e) {
      throw transport(request, e);
    }
    if (raw.status >= 400) {
      throw error(request, raw);
    }
    JsonNode body = raw.body.isBlank() ? Json.object() : Json.parse(raw.body);
    return new ArmResponse(raw.status, raw.headers, body);
  }

  private void acquire(ArmRequest request) {
    Matcher m = SUBSCRIPTION.matcher(request.path());
    String scope = (m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "-")
        + (request.read() ? "/reads" : "/writes");
    RateLimiter limiter = limiters.computeIfAbsent(scope, s -> RateLimiter.of(s,
        RateLimiterConfig.custom()
            .limitRefreshPeriod(Duration.ofMillis(100))
            .limitForPeriod(perTenth(request.read() ? resilience.readsPerSecond()
                : resilience.writesPerSecond()))
            .timeoutDuration(Duration.ofMinutes(1))
            .build()));
    try {
      RateLimiter.waitForPermission(limiter);
    } catch (RequestNotPermitted e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new ArmInterruptedException(request.describe(), e);
      }
      throw new ArmTransportException(request.describe(), "rate limit wait exceeded", false, e);
    }
  }

  private static int perTenth(double perSecond) {
    return Math.max(1, (int) Math.round(perSecond / 10.0));
  }

  private static ArmException transport(ArmRequest request, Throwable cause) {
    Throwable c = cause;
    while (c.getCause() != null && !(c instanceof IOException)
        && !(c instanceof ClientAuthenticationException)) {
      c = c.getCause();
    }
    if (c instanceof ClientAuthenticationException || cause instanceof ClientAuthenticationException) {
      return new ArmAuthException(request.describe(), "could not get an Azure token", cause);
    }
    boolean notSent = c instanceof ConnectException || c instanceof HttpConnectTimeoutException;
    return new ArmTransportException(request.describe(),
        (notSent ? "could not connect: " : "connection lost: ") + c, !notSent, cause);
  }

  private static ArmHttpException error(ArmRequest request, Raw raw) {
    String code = null;
    String message = null;
    if (!raw.body.isBlank()) {
      try {
        JsonNode err = Json.parse(raw.body).path("error");
        code = err.hasNonNull("code") ? err.get("code").asText() : null;
        message = err.hasNonNull("message") ? err.get("message").asText() : null;
      } catch (RuntimeException notJson) {
        message = raw.body.length() > 200 ? raw.body.substring(0, 200) : raw.body;
      }
    }
    return new ArmHttpException(request.describe(), raw.status, code, message,
        retryAfter(raw.headers.get("retry-after")), raw.headers.get("x-ms-correlation-request-id"));
  }

  static Duration retryAfter(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofMillis((long) (Double.parseDouble(value.trim()) * 1000));
    } catch (NumberFormatException e) {
      try {
        java.time.ZonedDateTime at = java.time.ZonedDateTime.parse(value.trim(),
            java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(java.time.Instant.now(), at.toInstant());
        return d.isNegative() ? Duration.ZERO : d;
      } catch (java.time.format.DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static IntervalBiFunction<Object> interval(ArmResilience resilience) {
    var backoff = resilience.backoff();
    return (attempt, outcome) -> {
      if (outcome.isLeft() && outcome.getLeft() instanceof ArmHttpException h
          && h.retryAfter().isPresent()) {
        Duration wait = h.retryAfter().get();
        if (wait.compareTo(resilience.maxRetryAfter()) > 0) {
          wait = resilience.maxRetryAfter();
        }
        return Math.max(wait.toMillis(), 1L);
      }
      return backoff.apply(attempt);
    };
  }

  private static Map<String, String> headers(com.azure.core.http.HttpResponse r) {
    Map<String, String> h = new HashMap<>();
    for (HttpHeader header : r.getHeaders()) {
      h.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
    }
    return h;
  }

  private record Raw(int status, Map<String, String> headers, String body) {}
}
