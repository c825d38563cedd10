package dev.gameday.core.port;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultStep;
import java.util.List;
import java.util.Map;

/**
 * The cloud side of a run: resolves targets, checks the guards, and builds faults. The Azure
 * module implements it; tests use fakes.
 */
public interface Platform extends AutoCloseable {

  /**
   * Resolves every target of the experiment to resource IDs and checks the safety guards
   * (opt-in tag, max targets, allowed scopes). Writes nothing.
   */
  Map<String, List<String>> resolveTargets(Experiment experiment) throws PlatformException;

  /** Checks what must hold before anything is written (permissions, resources exist). */
  void preflight(Experiment experiment, Map<String, List<String>> targets, EventListener events)
      throws PlatformException;

  /**
   * The fault for a step, bound to the resolved targets. Names it creates (rules) derive from
   * {@code runId} and the step, so that the same call after a crash finds them again.
   */
  Fault fault(FaultStep step, Map<String, List<String>> targets, String runId);

  /** Who is running the experiment (upn or appid, object id, tenant), never a token. */
  Map<String, String> operator();

  @Override
  default void close() {}
}
