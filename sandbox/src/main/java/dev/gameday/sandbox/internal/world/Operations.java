package dev.gameday.sandbox.internal.world;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Long-running operations. Each ends at a known instant with a known outcome, so its status at
 * any instant is a lookup; a later operation on the same VM preempts an earlier one.
 */
public final class Operations {

  /** {@code finalStatus} is Succeeded, Failed or Canceled; {@code errorCode} set when Failed. */
  public record Operation(String id, String name, String location, Instant startTime, Instant endTime,
      String finalStatus, String errorCode, String errorMessage) {

    public String statusAt(Instant t) {
      return t.isBefore(endTime) ? "InProgress" : finalStatus;
    }

    public boolean doneAt(Instant t) {
      return !t.isBefore(endTime);
    }
  }

  private final Map<String, Operation> byId = new LinkedHashMap<>();
  private final Ids ids;

  public Operations(Ids ids) {
    this.ids = ids;
  }

  public Operation start(String name, String location, Instant start, Instant end) {
    Operation op = new Operation(ids.uuid(), name, location, start, end, "Succeeded", null, null);
    byId.put(op.id(), op);
    return op;
  }

  /** Ends an unfinished operation at {@code at} as Failed with OperationPreempted. */
  public void preempt(String id, Instant at, String by) {
    Operation op = byId.get(id);
    if (op != null && !op.doneAt(at)) {
      byId.put(id, new Operation(op.id(), op.name(), op.location(), op.startTime(), at, "Failed",
          "OperationPreempted", "Operation '" + op.name() + "' was preempted by a later '" + by + "' operation."));
    }
  }

  public Optional<Operation> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
