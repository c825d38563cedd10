package dev.gameday.azure.connection;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Logs each ARM call at DEBUG as {@code METHOD path -> status}: no query, no headers, no body,
 * so tokens and secrets never reach a log.
 */
public final class RequestLoggingPolicy implements HttpPipelinePolicy {
  private static final Logger LOG = LoggerFactory.getLogger("dev.gameday.azure.http");

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    String line = context.getHttpRequest().getHttpMethod() + " "
        + context.getHttpRequest().getUrl().getPath();
    return next.process().doOnNext(r -> LOG.debug("{} -> {}", line, r.getStatusCode()))
        .doOnError(e -> LOG.debug("{} -> {}", line, e.getClass().getSimpleName()));
  }

  @Override
  public HttpResponse processSync(HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    String line = context.getHttpRequest().getHttpMethod() + " "
        + context.getHttpRequest().getUrl().getPath();
    HttpResponse r = next.processSync();
    LOG.debug("{} -> {}", line, r.getStatusCode());
    return r;
  }
}
