package dev.gameday.azure.fault;

import dev.gameday.core.event.EventListener;
import dev.gameday.core.port.Fault;
import java.time.Instant;
import java.util.List;

/** The {@code pause} step: touches nothing in Azure; the run engine just holds. */
public record PauseFault(String step) implements Fault {

  @Override
  public List<String> resources() {
    return List.of();
  }

  @Override
  public List<String> plannedCalls() {
    return List.of("(no ARM call: pause)");
  }

  @Override
  public void inject(EventListener events) {}

  @Override
  public void awaitEffective(EventListener events, Instant deadline) {}

  @Override
  public void revert(EventListener events, Instant deadline) {}

  @Override
  public void awaitRestored(EventListener events, Instant deadline) {}

  /** It changes nothing, so it records nothing: a rollback has nothing of it to revert. */
  @Override
  public boolean recordsChanges() {
    return true;
  }

  @Override
  public String manualRevertCommand() {
    return "# nothing to revert: pause";
  }
}
