package dev.gameday.probes.http;

import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.redact.TerminalText;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.time.Duration;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.HttpUrl;

/**
 * Turns the exception of a failed request into an outcome and a short reason: "connect refused
 * 127.0.0.1:8480", "timeout after 2000 ms", "DNS: cannot resolve shop.invalid". Reasons never
 * carry request headers, and whatever they quote from the server is stripped of control
 * characters.
 */
final class FailureClassifier {
  private FailureClassifier() {}

  /**
   * {@code elapsedNanos} is how long the call ran: a call that ran for its whole timeout timed
   * out, whatever exception the closed socket raised (a TLS handshake cut short, a reset).
   */
  static ResponseJudge.Verdict classify(Throwable error, HttpUrl url, Duration timeout,
      long elapsedNanos) {
    String hostPort = url.host() + ":" + url.port();
    if (has(error, UnknownHostException.class)) {
      return new ResponseJudge.Verdict(Outcome.DNS, "DNS: cannot resolve " + url.host());
    }
    if (has(error, InterruptedIOException.class) || elapsedNanos >= timeout.toNanos()) {
      return new ResponseJudge.Verdict(Outcome.TIMEOUT,
          "timeout after " + timeout.toMillis() + " ms");
    }
    if (has(error, SSLException.class)) {
      return new ResponseJudge.Verdict(Outcome.TLS, "TLS: " + tlsReason(error, url));
    }
    if (has(error, NoRouteToHostException.class)) {
      return new ResponseJudge.Verdict(Outcome.CONNECTION_REFUSED, "no route to " + hostPort);
    }
    if (has(error, ConnectException.class)) {
      return new ResponseJudge.Verdict(Outcome.CONNECTION_REFUSED, "connect refused " + hostPort);
    }
    if (error instanceof RedirectPolicy.RefusedException refused) {
      return new ResponseJudge.Verdict(Outcome.IO_ERROR, refused.getMessage());
    }
    if (error instanceof ProtocolException p && String.valueOf(p.getMessage())
        .startsWith("Too many follow-up requests")) {
      return new ResponseJudge.Verdict(Outcome.IO_ERROR,
          "redirect loop: " + p.getMessage().toLowerCase(java.util.Locale.ROOT));
    }
    String message = error.getMessage() == null ? "" : ": " + firstLine(error.getMessage());
    return new ResponseJudge.Verdict(Outcome.IO_ERROR,
        error.getClass().getSimpleName() + message);
  }

  private static String tlsReason(Throwable error, HttpUrl url) {
    if (has(error, CertificateExpiredException.class)) {
      return "server certificate expired";
    }
    if (has(error, CertPathBuilderException.class) || has(error, CertPathValidatorException.class)
        || String.valueOf(error.getMessage()).contains("PKIX")) {
      return "server certificate not trusted";
    }
    if (has(error, SSLPeerUnverifiedException.class)) {
      return "certificate does not match host " + url.host();
    }
    Throwable ssl = error;
    while (ssl != null && !(ssl instanceof SSLException)) {
      ssl = ssl.getCause();
    }
    String message = ssl == null || ssl.getMessage() == null ? "handshake failed"
        : firstLine(ssl.getMessage());
    return message;
  }

  private static boolean has(Throwable error, Class<? extends Throwable> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The first line of an exception's message, which may quote the server: terminal-safe. */
  private static String firstLine(String s) {
    String line = TerminalText.safe(s.lines().findFirst().orElse(""));
    return line.length() <= 120 ? line : line.substring(0, 117) + "...";
  }
}
