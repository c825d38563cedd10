package dev.gameday.probes;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.port.RunClock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every monitor checks and derives of a run's probes, whichever client sends them. */
public final class ProbeSpecs {
  private static final Logger LOG = LoggerFactory.getLogger(ProbeSpecs.class);

  private ProbeSpecs() {}

  /**
   * Checks that no two probes share a name, and logs a WARN line in capitals for each probe that
   * verifies no certificate.
   *
   * @throws ProbeSetupException naming the first probe whose name is taken
   */
  public static void check(List<ProbeSpec> specs) {
    Set<String> names = new HashSet<>();
    for (ProbeSpec spec : specs) {
      if (!names.add(spec.name())) {
        throw new ProbeSetupException(spec.name(), "two probes have this name");
      }
      if (spec.http().tls().insecure()) {
        LOG.warn("PROBE {} HAS TLS VERIFICATION DISABLED (insecure: true): any certificate is "
            + "accepted, so its samples prove nothing about who answered", spec.name());
      }
    }
  }

  /** The longest timeout of the probes: how long a request in flight may still take at close. */
  public static Duration longestTimeout(List<ProbeSpec> specs) {
    return specs.stream().map(p -> p.http().timeout()).max(Duration::compareTo)
        .orElse(Duration.ZERO);
  }

  /** Tells the run, as the probes start, of each probe that verifies no certificate. */
  public static void noteInsecure(List<ProbeSpec> specs, EventListener events, RunClock clock) {
    for (ProbeSpec spec : specs) {
      if (spec.http().tls().insecure()) {
        events.on(new Note(clock.stamp(), Level.WARN, "probe " + spec.name()
            + ": TLS verification disabled (insecure: true)"));
      }
    }
  }
}
