package dev.gameday.runner.engine;

import dev.gameday.core.model.FaultStep;
import dev.gameday.core.port.Fault;

/** A fault whose injection was attempted, so it must be reverted: the step and its fault. */
record InjectedFault(FaultStep step, Fault fault) {}
