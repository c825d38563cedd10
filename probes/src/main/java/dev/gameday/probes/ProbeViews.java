package dev.gameday.probes;

import dev.gameday.core.event.TimelineEvent.SteadyStatus;
import java.util.Map;

/** What a probe monitor shows while it runs (the live view reads it), whichever its client. */
public interface ProbeViews {
  /** Each probe's steady status (probes not running keep their last status). */
  Map<String, SteadyStatus> statuses();

  /** Each probe's success ratio over its sliding window (1.0 before its first sample). */
  Map<String, Double> successRatios();
}
