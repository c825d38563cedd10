package dev.gameday.core.model;

import java.net.URI;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One place the run's notices go ({@code notify:} in the experiment, or {@code --notify}): a
 * Microsoft Teams Workflows webhook, a Slack incoming webhook, or a JSON webhook signed with
 * HMAC-SHA256. The URL and the signing secret come from the environment and are secrets:
 * {@link #toString} never shows them.
 *
 * @param channel which kind of receiver, and so which payload
 * @param url where notices are posted
 * @param signingSecret the HMAC-SHA256 key of a {@link Channel#webhook} (required there, absent
 *     elsewhere)
 * @param events which notices are sent (all when the experiment names none)
 */
public record Notification(Channel channel, URI url, Optional<String> signingSecret,
    Set<Event> events) {

  public Notification {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(url, "url");
    signingSecret = signingSecret == null ? Optional.empty() : signingSecret;
    if (channel == Channel.webhook && signingSecret.isEmpty()) {
      throw new IllegalArgumentException("a webhook notification needs a signing secret");
    }
    events = events == null || events.isEmpty() ? Set.copyOf(EnumSet.allOf(Event.class))
        : Set.copyOf(events);
  }

  /** The receivers Gameday can post to; the names are the experiment format's keys. */
  public enum Channel { teams, slack, webhook }

  /** The notices a run sends; the names are the experiment format's values. */
  public enum Event { started, breached, aborted, revertFailed, finished }

  /** Hosts a notice may go to over plain http (a local relay, a test receiver). */
  public static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  /** The shortest signing secret accepted. */
  public static final int MIN_SECRET_LENGTH = 16;

  /**
   * What is wrong with a receiver URL, if anything: it must be absolute and https (plain http
   * only to this host). The message never quotes the URL, which is a credential.
   */
  public static Optional<String> urlProblem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      return Optional.of("is not a valid URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null) {
      return Optional.of("must be an absolute https:// URL");
    }
    if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost())) {
      return Optional.of("must use https:// (plain http only to 127.0.0.1 or localhost)");
    }
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return Optional.of("must use https://, not " + scheme + "://");
    }
    return Optional.empty();
  }

  public boolean wants(Event event) {
    return events.contains(event);
  }

  /** Names the channel and the events, never the URL or the secret. */
  @Override
  public String toString() {
    return "Notification[" + channel + " " + url.getScheme() + "://***, events " + events + "]";
  }
}
