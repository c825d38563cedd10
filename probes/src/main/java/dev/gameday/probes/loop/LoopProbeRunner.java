package dev.gameday.probes.loop;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.MissedTick;
import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.port.RunClock;
import dev.gameday.probes.ProbeSamples;
import dev.gameday.probes.http.AnswerJudge;
import dev.gameday.probes.http.ProbeResult;
import dev.gameday.probes.http.TlsSetup;
import dev.gameday.probes.schedule.FixedRate;
import dev.gameday.probes.steady.BreachWatch;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * One probe on the loop: the same fixed-rate slots and missed-tick rules as the virtual-thread
 * runner (a tick that finds the previous request in flight, or its slot more than an interval
 * past, is a MISSED sample), but the tick writes the request itself and the answer is judged on
 * the loop as it arrives. Every method but {@link #status} and {@link #successRatio} runs on the
 * loop.
 *
 * <p>Answers are judged as {@code HttpProbe} judges them ({@link AnswerJudge}: the same checks,
 * failure classes and reasons), and redirects followed by the same policy within the probe's
 * timeout: on the probe's connection within its origin, else on a one-off connection.
 */
final class LoopProbeRunner extends LoopTimer.Task implements LoopConnection.Callback {
  private final ProbeSpec spec;
  private final LoopConnection connection;
  private final LoopRequest request;
  private final AnswerJudge judge;
  private final LoopClient client;
  private final Resolver resolver;
  private SSLContext tlsContext;
  private final RunClock clock;
  private final long offsetNanos;
  private final ProbeSamples samples;
  private final long timeoutNanos;
  private final int maxBody;
  private LoopTimer timer;
  private volatile boolean active;
  private FixedRate rate;
  private long next;
  // The exchange in flight.
  private boolean inFlight;
  private long scheduled;
  private long started;
  private Instant startedUtc;
  private boolean recordInFlight;
  // The redirect chain in flight: the request last sent, follow-ups so far, and its one-off
  // connection to another origin (closed when the chain ends).
  private LoopRequest current;
  private int followUps;
  private LoopConnection other;

  LoopProbeRunner(ProbeSpec spec, LoopClient client, Resolver resolver,
      LoopConnection connection, LoopRequest request, AnswerJudge judge, RunClock clock,
      long offsetNanos, Optional<BreachWatch> breachWatch) {
    this.spec = spec;
    this.client = client;
    this.resolver = resolver;
    this.connection = connection;
    this.request = request;
    this.judge = judge;
    this.clock = clock;
    this.offsetNanos = offsetNanos;
    this.samples = new ProbeSamples(spec, clock, breachWatch);
    this.timeoutNanos = spec.http().timeout().toNanos();
    this.maxBody = (int) Math.min(Integer.MAX_VALUE - 8, spec.http().maxBodyBytes());
  }

  ProbeSpec spec() {
    return spec;
  }

  String name() {
    return spec.name();
  }

  boolean active() {
    return active;
  }

  /** A request (or its redirect chain) is in flight; on the loop only. */
  boolean inFlight() {
    return inFlight;
  }

  /**
   * Starts ticking on the probe's own slots, from the first at least {@code startDelay} from
   * now; while {@code warming} nothing is recorded, only counted, and a probe whose first slot
   * comes at or after {@code endsIn} (the warm-up's end) sends one request at {@code startDelay}
   * so that its connection is open before the baseline too, as {@code ProbeRunner} does.
   */
  void start(EventListener events, LoopTimer timer, long startDelay, long endsIn,
      boolean warming) {
    if (active) {
      return;
    }
    samples.to(events);
    if (warming) {
      samples.warmUp();
    }
    this.timer = timer;
    this.active = true;
    long now = clock.nanoTime();
    rate = FixedRate.from(now, offsetNanos, startDelay, spec.every().toNanos());
    next = 0;
    timer.at(this, rate.slot(0));
    if (warming && rate.slot(0) - now >= endsIn) {
      timer.at(contact, now + startDelay);
    }
  }

  /** The warm-up's extra request of a probe whose own slots all fall after the warm-up. */
  private final LoopTimer.Task contact = new LoopTimer.Task() {
    @Override
    void run() {
      if (!active || samples.recording() || inFlight) {
        return;
      }
      send(clock.nanoTime(), false);
    }
  };

  /** Sends the probe's request for the tick due at {@code slot}; on the loop, none in flight. */
  private void send(long slot, boolean record) {
    inFlight = true;
    scheduled = slot;
    recordInFlight = record;
    startedUtc = clock.now();
    started = clock.nanoTime();
    current = request;
    followUps = 0;
    connection.send(request.next(), started + timeoutNanos, maxBody, this);
  }

  /** Closes the probe's connection; the runner must be stopped first. */
  void closeConnection() {
    samples.to(EventListener.NONE);
    closeOther();
    connection.close();
  }

  void stop() {
    active = false;
    if (timer != null) {
      timer.cancel(this);
      timer.cancel(contact);
    }
  }

  SteadyStatus status() {
    return samples.status();
  }

  ProbeSamples samples() {
    return samples;
  }

  /** A tick: the same decisions as the virtual-thread runner's. */
  @Override
  void run() {
    if (!active) {
      return;
    }
    boolean record = samples.recording();
    long now = clock.nanoTime();
    FixedRate.Decision decision = rate.decide(next, now);
    if (decision.missedCount() > 0) {
      samples.skipped(rate, decision, now, record);
    }
    long slot = rate.slot(decision.run());
    if (!inFlight) {
      send(slot, record);
    } else {
      samples.missed(slot, now, MissedTick.stillRunning(), record);
    }
    if (record) {
      samples.checkBreach();
    }
    next = decision.run() + 1;
    timer.at(this, rate.slot(next));
  }

  @Override
  public void answered(int status, String phrase, HttpHeaders headers, byte[] body,
      boolean truncated, long ended) {
    ProbeResult r;
    try {
      Optional<AnswerJudge.FollowUp> next =
          judge.followUp(status, headers::get, current.url(), current.method());
      if (next.isPresent()) {
        follow(next.get(), ended);
        return;
      }
      r = judge.answered(startedUtc, started, ended, status, phrase, headers::get, body,
          truncated);
    } catch (IOException | RuntimeException e) {
      // As HttpProbe: a refused redirect or an answer that cannot be judged is a failed sample,
      // never a lost one.
      r = judge.failed(startedUtc, started, ended, e);
    }
    done(r);
  }

  @Override
  public void failed(Throwable cause, long ended) {
    done(judge.failed(startedUtc, started, ended, cause));
  }

  /** Sends a redirect's follow-up within the chain's deadline, on a connection to its origin. */
  private void follow(AnswerJudge.FollowUp to, long now) {
    if (followUps == AnswerJudge.MAX_FOLLOW_UPS) {
      done(judge.failed(startedUtc, started, now, AnswerJudge.tooManyFollowUps(followUps + 1)));
      return;
    }
    followUps++;
    LoopRequest next = current.followUp(to, spec.http().secretHeaders());
    current = next;
    long deadline = started + timeoutNanos;
    closeOther();
    if (next.sameOrigin(request)) {
      connection.send(next.next(), deadline, maxBody, this);
      return;
    }
    // Another origin: a one-off connection (it looks its host up off the loop).
    other = client.connection(next.host(), next.port(), resolver, clock::nanoTime, next.https()
        ? Optional.of(new LoopConnection.Tls(tlsContext(), next.host(), next.port(),
            !spec.http().tls().insecure()))
        : Optional.empty(), next.gzip());
    other.send(next.next(), deadline, maxBody, this);
  }

  /** The probe's TLS context, built on the first redirect to https that needs it. */
  private SSLContext tlsContext() {
    if (tlsContext == null) {
      tlsContext = TlsSetup.sslContext(spec.name(), spec.http().tls());
    }
    return tlsContext;
  }

  private void closeOther() {
    if (other != null) {
      LoopConnection c = other;
      other = null;
      c.close();
    }
  }

  private void done(ProbeResult r) {
    inFlight = false;
    closeOther();
    samples.answered(scheduled, r, recordInFlight);
  }
}
