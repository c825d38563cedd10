package dev.gameday.azure.arm;

import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.rest.PagedFlux;
import com.azure.core.http.rest.PagedResponse;
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
import java.net.URI;
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
import reactor.core.publisher.Mono;

/**
 * Sends ARM requests through an azure-core {@link HttpPipeline} (credential, logging; no retry
 * policy of its own) and makes each call resilient with resilience4j: a rate limiter per
 * subscription and kind (read/write), a time limit per attempt, and retries as decided by
 * {@link ArmResilience#retryable}, within a deadline when one is set ({@link #until}). Error
 * answers become {@link ArmHttpException}, lost answers {@link ArmTransportException}. Calls of
 * the SDK's typed clients ({@link ServiceClients}, on the same pipeline) get the same treatment
 * through {@link #call} and {@link #pages}.
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
  private final ConcurrentMap<String, ServiceClients> services;
  private final Optional<Deadline> deadline;

  /** An instant no call may outlive: each attempt, each retry wait ends by it. */
  private record Deadline(Instant at, Supplier<Instant> now) {
    Duration remaining() {
      return Duration.between(now.get(), at);
    }
  }

  public ArmClient(HttpPipeline pipeline, URI endpoint, ArmResilience resilience) {
    this(pipeline, endpoint, resilience, new ConcurrentHashMap<>(), new ConcurrentHashMap<>(),
        Optional.empty());
  }

  private ArmClient(HttpPipeline pipeline, URI endpoint, ArmResilience resilience,
      ConcurrentMap<String, RateLimiter> limiters, ConcurrentMap<String, ServiceClients> services,
      Optional<Deadline> deadline) {
    this.pipeline = pipeline;
    String e = endpoint.toString();
    this.endpoint = URI.create(e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
    this.resilience = resilience;
    this.limiters = limiters;
    this.services = services;
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
   * limits and typed clients.
   */
  public ArmClient until(Instant at, Supplier<Instant> now) {
    return new ArmClient(pipeline, endpoint, resilience, limiters, services,
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

  /**
   * The SDK's typed clients of {@code subscription} on this client's pipeline and endpoint (one
   * set per subscription, each built on first use); their calls go through {@link #call} and
   * {@link #pages}.
   */
  public ServiceClients services(String subscription) {
    return services.computeIfAbsent(subscription.toLowerCase(Locale.ROOT),
        s -> new ServiceClients(pipeline, endpoint.toString(), subscription));
  }

  /** The ARM endpoint requests go to, without a trailing slash. */
  public URI endpoint() {
    return endpoint;
  }

  /** Sends the request, retrying as the resilience settings allow; throws on an error answer. */
  public ArmResponse send(ArmRequest request) {
    return resilient(request, () -> once(request));
  }

  /**
   * A call of a typed SDK client ({@link ServiceClients}) on this client's pipeline, limited,
   * timed and retried as {@link #send}; {@code request} is the ARM request the SDK call makes
   * (its rate-limit scope, whether it may be repeated, its description in errors and logs). An
   * error answer becomes {@link ArmHttpException} with the status, ARM's error code and message,
   * {@code Retry-After} and correlation id.
   */
  public <T> T call(ArmRequest request, Supplier<Mono<T>> call) {
    // Azure answered: the request was sent, so it is repeated only if it may be.
    return resilient(request, () -> attempt(request, call).orElseThrow(() ->
        new ArmTransportException(request.describe(), "the answer had no body", true, null)));
  }

  /** {@link #call}, with a 404 answer as an empty result. */
  public <T> Optional<T> findCall(ArmRequest request, Supplier<Mono<T>> call) {
    try {
      return Optional.of(call(request, call));
    } catch (ArmHttpException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The items of a typed list and of every page after it, each page one {@link #call} (so each
   * is limited and retried on its own); {@code first} is the list's ARM request. A next page is
   * followed only on the ARM endpoint's host, as in {@link #getUrl}; at most {@link #MAX_PAGES}.
   */
  public <T> List<T> pages(ArmRequest first, PagedFlux<T> list) {
    List<T> out = new ArrayList<>();
    PagedResponse<T> page = call(first, () -> list.byPage().next());
    for (int i = 1; ; i++) {
      out.addAll(page.getValue());
      String next = page.getContinuationToken();
      if (next == null || next.isBlank() || i >= MAX_PAGES) {
        return out;
      }
      page = call(urlRequest(next), () -> list.byPage(next).next());
    }
  }

  private <T> T resilient(ArmRequest request, java.util.concurrent.Callable<T> once) {
    Retry retry = Retry.of("arm", RetryConfig.from(retryConfig)
        .retryOnException(t -> !pastDeadline() && !waitOutlivesDeadline(t)
            && ArmResilience.retryable(request, t)).build());
    retry.getEventPublisher().onRetry(e -> LOG.info("retrying {} in {} ms (attempt {}): {}",
        request.method() + " " + request.path(), e.getWaitInterval().toMillis(),
        e.getNumberOfRetryAttempts(), e.getLastThrowable().getMessage()));
    try {
      return retry.executeCallable(once);
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
    return send(urlRequest(url));
  }

  /** The GET of an absolute URL on the ARM endpoint (refused elsewhere: see {@link #getUrl}). */
  private ArmRequest urlRequest(String url) {
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
    return new ArmRequest(HttpVerb.GET, path, query, Optional.empty(), Map.of(), true, true);
  }

  private ArmResponse once(ArmRequest request) throws ArmException {
    Raw raw = attempt(request, () -> {
      HttpRequest http = new HttpRequest(HttpMethod.valueOf(request.method().name()),
          endpoint + request.pathAndQuery());
      request.headers().forEach((k, v) -> http.setHeader(HttpHeaderName.fromString(k), v));
      request.body().ifPresent(b -> {
        http.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
        http.setBody(BinaryData.fromString(Json.write(b)));
      });
      return pipeline.send(http)
          .flatMap(r -> r.getBodyAsString().defaultIfEmpty("")
              .map(body -> new Raw(r.getStatusCode(), headers(r), body))
              .doFinally(s -> r.close()));
    }).orElseThrow(() -> new ArmTransportException(request.describe(), "no answer", true, null));
    if (raw.status >= 400) {
      throw ArmFailures.error(request, raw.status, raw.headers, raw.body);
    }
    JsonNode body = raw.body.isBlank() ? Json.object() : Json.parse(raw.body);
    return new ArmResponse(raw.status, raw.headers, body);
  }

  /**
   * One attempt of a call on the pipeline: not after an interrupt or the deadline, within the
   * rate limit, within the time limit of one attempt; empty when the call's answer is empty.
   */
  private <T> Optional<T> attempt(ArmRequest request, Supplier<Mono<T>> call)
      throws ArmException {
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
    try {
      return Optional.ofNullable(attempt.executeFutureSupplier(() -> call.get().toFuture()));
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
      throw ArmFailures.of(request, e.getCause() == null ? e : e.getCause());
    } catch (ArmException e) {
      throw e;
    } catch (Exception e) {
      throw ArmFailures.of(request, e);
    }
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
