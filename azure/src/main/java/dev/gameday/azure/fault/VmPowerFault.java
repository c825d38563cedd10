package dev.gameday.azure.fault;

import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmDeadlineException;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ArmResponse;
import dev.gameday.azure.arm.ArmTransportException;
import dev.gameday.azure.arm.OperationStatus;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.event.Stamp;
import dev.gameday.core.event.TimelineEvent.Action;
import dev.gameday.core.event.TimelineEvent.ChangeRecorded;
import dev.gameday.core.event.TimelineEvent.ChangeRestored;
import dev.gameday.core.event.TimelineEvent.FaultEffective;
import dev.gameday.core.event.TimelineEvent.FaultFailed;
import dev.gameday.core.event.TimelineEvent.FaultRequested;
import dev.gameday.core.event.TimelineEvent.Level;
import dev.gameday.core.event.TimelineEvent.Note;
import dev.gameday.core.event.TimelineEvent.OperationAccepted;
import dev.gameday.core.event.TimelineEvent.PlatformRestored;
import dev.gameday.core.event.TimelineEvent.RevertFailed;
import dev.gameday.core.event.TimelineEvent.RevertRequested;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.FaultException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Powers VMs off, deallocates or restarts them with the Compute REST actions, and starts them
 * again on revert. Effective: {@code PowerState/stopped} (power off), {@code
 * PowerState/deallocated} (deallocate), left running (restart). Restored: {@code
 * PowerState/running} and Resource Health {@code Available} where Resource Health reports.
 */
public final class VmPowerFault implements Fault {
  private final String step;
  private final VmAction action;
  private final boolean flag;
  private final List<String> vms;
  private final FaultContext ctx;
  private final ResourceHealthWatcher health;
  /** The operation URLs of the inject and revert requests, per VM. */
  private final Map<String, String> injectOps = new HashMap<>();
  private final Map<String, String> revertOps = new HashMap<>();
  /**
   * The VMs this fault changed and whose restore is not confirmed yet, with the power state each
   * had before: filled by {@link #inject} (journaled before each request) or, for a rollback, by
   * {@link #restoreFrom}. Revert acts on these alone.
   */
  private final Map<String, ChangeRecorded> changed = new ConcurrentHashMap<>();
  /** The lower bounds of the fault's effect and of the restore, per VM. */
  private final LastSeen effectSeen = new LastSeen();
  private final LastSeen restoreSeen = new LastSeen();
  static final String CHANGE = "powerState";

  /**
   * @param flag the action's option: {@code skipShutdown} for power off, {@code hibernate} for
   *     deallocate; ignored for restart
   */
  public VmPowerFault(String step, VmAction action, boolean flag, List<String> vms,
      FaultContext ctx) {
    this.step = step;
    this.action = action;
    this.flag = flag;
    this.vms = List.copyOf(vms);
    this.ctx = ctx;
    this.health = new ResourceHealthWatcher(ctx, step);
  }

  @Override
  public String step() {
    return step;
  }

  @Override
  public List<String> resources() {
    return vms;
  }

  ArmRequest actionRequest(String vmId) {
    ArmRequest r = ArmRequest.post(vmId + "/" + action.action(), ApiVersions.COMPUTE, null);
    return action.flag() == null ? r : r.withQuery(action.flag(), Boolean.toString(flag));
  }

  static ArmRequest startRequest(String vmId) {
    return ArmRequest.post(vmId + "/start", ApiVersions.COMPUTE, null);
  }

  @Override
  public List<String> plannedCalls() {
    List<String> calls = new ArrayList<>();
    for (String vm : vms) {
      calls.add(VmPower.request(vm).describe() + "  (power state before; skip if already "
          + action.kind() + ")");
      calls.add(actionRequest(vm).describe() + "  (no body; 202 + Azure-AsyncOperation)");
      calls.add(VmPower.request(vm).describe() + "  (poll until " + effectiveText() + ")");
      calls.add(ResourceHealthWatcher.request(vm).describe() + "  (poll; 404 = not reported)");
      calls.add(startRequest(vm).describe() + "  (revert; no body; skipped if running)");
      calls.add(VmPower.request(vm).describe() + "  (poll until PowerState/running)");
    }
    return calls;
  }

  private String effectiveText() {
    return switch (action) {
      case POWER_OFF -> "PowerState/stopped";
      case DEALLOCATE -> "PowerState/deallocated";
      case RESTART -> "the VM leaves PowerState/running";
    };
  }

  private String description() {
    return switch (action) {
      case POWER_OFF -> "power off (skipShutdown=" + flag + ")";
      case DEALLOCATE -> "deallocate (hibernate=" + flag + ")";
      case RESTART -> "restart";
    } + " " + vms.size() + " VM(s)";
  }

  @Override
  public boolean recordsChanges() {
    return true;
  }

  @Override
  public void restoreFrom(List<ChangeRecorded> changes) {
    changed.clear();
    for (ChangeRecorded c : changes) {
      if (c.change().equals(CHANGE) && vms.contains(c.resource())) {
        changed.put(c.resource(), c);
      }
    }
  }

  /** The changed VMs whose restore is not confirmed, in the order of {@link #vms}. */
  private List<String> changedVms() {
    return vms.stream().filter(changed::containsKey).toList();
  }

  @Override
  public void inject(EventListener events) throws FaultException {
    events.on(new FaultRequested(ctx.stamp(), step, action.kind(), vms, description()));
    for (String vm : vms) {
      try {
        String state = VmPower.read(ctx.arm(), vm);
        if (action != VmAction.RESTART && action.underwayIn(state)) {
          events.on(new Note(ctx.stamp(), Level.INFO, step + ": " + vm + " is already "
              + "PowerState/" + state + "; not asking again, and not starting it on revert"));
          continue;
        }
        ChangeRecorded change = new ChangeRecorded(ctx.stamp(), step, vm, CHANGE, state, Map.of());
        events.on(change);
        changed.put(vm, change);
        Instant sent = ctx.clock().now();
        effectSeen.requesting(vm, sent);
        postAction(ctx, vm, actionRequest(vm), sent, Action.INJECT, events,
            s -> action.underwayIn(s) || (action == VmAction.RESTART && !s.equals("running")))
            .ifPresent(url -> injectOps.put(vm, url));
      } catch (ArmException e) {
        events.on(new FaultFailed(ctx.stamp(), step, vm, e.getMessage()));
        throw new FaultException(step, vm, action.kind() + " was not accepted: " + e.getMessage(),
            null, e);
      }
    }
  }

  /**
   * Posts an action, first sent at {@code sent}, and reports it accepted. When the answer is lost
   * after the request may have been sent, reads the power state: if it shows the action took
   * effect, it counts as accepted; otherwise the action is sent once more.
   */
  private Optional<String> postAction(FaultContext ctx, String vm, ArmRequest request,
      Instant sent, Action kind, EventListener events,
      java.util.function.Predicate<String> tookEffect) {
    ArmResponse r;
    try {
      r = ctx.arm().send(request);
    } catch (ArmTransportException lost) {
      if (!lost.maybeSent()) {
        throw lost;
      }
      String state = VmPower.read(ctx.arm(), vm);
      if (tookEffect.test(state)) {
        events.on(new Note(ctx.stamp(), Level.WARN, step + ": the answer to " + request.method()
            + " " + request.path() + " was lost; PowerState/" + state
            + " shows Azure took it"));
        events.on(new OperationAccepted(ctx.stamp(), step, kind, vm, 0, Optional.empty(),
            Optional.empty(), Optional.of(sent)));
        return Optional.empty();
      }
      events.on(new Note(ctx.stamp(), Level.WARN, step + ": the answer to " + request.method()
          + " " + request.path() + " was lost and PowerState/" + state
          + " shows no effect; sending it again"));
      r = ctx.arm().send(request);
    }
    events.on(new OperationAccepted(ctx.stamp(), step, kind, vm, r.status(), r.correlationId(),
        r.operationId(), Optional.of(sent)));
    return r.operationUrl();
  }

  @Override
  public void awaitEffective(EventListener events, Instant deadline) throws FaultException {
    Set<String> pending = new LinkedHashSet<>(vms);
    Map<String, Instant> nextOpPoll = new HashMap<>();
    Map<String, OperationStatus> lastOp = new HashMap<>();
    Pace pace = ctx.pace();
    String lastError = "";
    while (true) {
      for (String vm : List.copyOf(pending)) {
        Instant look = ctx.clock().now();
        try {
          VmPower.View view = VmPower.view(ctx.arm(), vm);
          Stamp seen = ctx.stamp();
          String state = view.state();
          if (action.effectiveIn(state)) {
            events.on(new FaultEffective(seen, step, vm, "PowerState/" + state,
                effectSeen.of(vm),
                VmPower.stated(ctx.arm(), view, injectOps.get(vm), lastOp.get(vm))));
            health.observe(vm, events);
            pending.remove(vm);
            continue;
          }
          effectSeen.unchanged(vm, look);
          health.observe(vm, events);
          String url = injectOps.get(vm);
          if (url != null && !ctx.clock().now().isBefore(nextOpPoll.getOrDefault(vm,
              Instant.MIN))) {
            OperationStatus op = OperationStatus.poll(ctx.arm(), url);
            lastOp.put(vm, op);
            // Its Retry-After is the earliest time to ask the operation again; the power
            // state is still read at every look.
            op.retryAfter().ifPresent(d -> nextOpPoll.put(vm, ctx.clock().now().plus(d)));
            if (op.done() && !op.succeeded()) {
              String reason = action.kind() + " operation " + op.status()
                  + op.error().map(e -> ": " + e).orElse("");
              events.on(new FaultFailed(ctx.stamp(), step, vm, reason));
              throw new FaultException(step, vm, reason);
            }
            if (op.succeeded() && action == VmAction.RESTART) {
              events.on(new FaultEffective(ctx.stamp(), step, vm,
                  "restart operation Succeeded (PowerState/" + state + ")", effectSeen.of(vm),
                  op.endTime()));
              pending.remove(vm);
            }
          }
        } catch (ArmException e) {
          lastError = e.getMessage();
        }
      }
      if (pending.isEmpty()) {
        return;
      }
      if (ctx.past(deadline)) {
        for (String vm : pending) {
          events.on(new FaultFailed(ctx.stamp(), step, vm, "not " + effectiveText()
              + " by " + deadline + (lastError.isEmpty() ? "" : "; last error: " + lastError)));
        }
        throw new FaultException(step, pending.iterator().next(),
            action.kind() + " not effective by " + deadline);
      }
      sleep(pace, deadline, pending.iterator().next());
    }
  }

  @Override
  public void revert(EventListener events, Instant deadline) throws FaultException {
    List<String> todo = changedVms();
    if (todo.isEmpty()) {
      events.on(new Note(ctx.stamp(), Level.INFO, step + ": no VM was changed; nothing to revert"));
      return;
    }
    events.on(new RevertRequested(ctx.stamp(), step, todo));
    FaultContext ctx = this.ctx.until(deadline);
    List<String> failed = new ArrayList<>();
    ArmException lastError = null;
    for (String vm : todo) {
      if (!wasRunning(vm)) {
        continue;
      }
      boolean done = false;
      while (!done) {
        try {
          String state = VmPower.read(ctx.arm(), vm);
          if (state.equals("running") || state.equals("starting")
              || (action == VmAction.RESTART && !state.equals("stopped")
                  && !state.equals("deallocated"))) {
            events.on(new Note(ctx.stamp(), Level.INFO, step + ": " + vm + " is PowerState/"
                + state + "; no start needed"));
            done = true;
          } else if (state.equals("stopping") || state.equals("deallocating")) {
            lastError = null;
          } else {
            Instant sent = ctx.clock().now();
            restoreSeen.requesting(vm, sent);
            postAction(ctx, vm, startRequest(vm), sent, Action.REVERT, events,
                s -> s.equals("starting") || s.equals("running"))
                .ifPresent(url -> revertOps.put(vm, url));
            done = true;
          }
        } catch (ArmDeadlineException e) {
          // the deadline came: the last real failure says why
        } catch (ArmException e) {
          lastError = e;
        }
        if (!done) {
          sleep(deadline, vm);
          if (ctx.past(deadline)) {
            String reason = "VM not started by " + deadline
                + (lastError == null ? "" : ": " + lastError.getMessage());
            events.on(new RevertFailed(ctx.stamp(), step, vm, reason,
                AzCommands.vmStart(List.of(vm))));
            failed.add(vm);
            break;
          }
        }
      }
    }
    if (!failed.isEmpty()) {
      throw new FaultException(step, failed.get(0), "revert incomplete: " + failed.size()
          + " VM(s) not started", AzCommands.vmStart(failed), lastError);
    }
  }

  /** Only a VM that ran before the fault is started again; one that was stopped stays so. */
  private boolean wasRunning(String vm) {
    ChangeRecorded c = changed.get(vm);
    return c != null && (c.before().equals("running") || c.before().equals("starting"));
  }

  /**
   * Waits until every changed VM is back as it was: running (then its restore is confirmed with
   * {@code change.restored}) and, where Resource Health reports, Available ({@code
   * platform.restored}). A VM that was not running before is confirmed as it is.
   */
  @Override
  public void awaitRestored(EventListener events, Instant deadline) throws FaultException {
    Set<String> pending = new LinkedHashSet<>(changedVms());
    for (String vm : List.copyOf(pending)) {
      if (!wasRunning(vm)) {
        confirm(events, vm, "was PowerState/" + changed.get(vm).before()
            + " before the fault; left so");
        pending.remove(vm);
      }
    }
    Map<String, String> lastSeen = new HashMap<>();
    FaultContext ctx = this.ctx.until(deadline);
    Pace pace = ctx.pace();
    while (true) {
      for (String vm : List.copyOf(pending)) {
        Instant look = ctx.clock().now();
        try {
          VmPower.View view = VmPower.view(ctx.arm(), vm);
          String state = view.state();
          lastSeen.put(vm, "PowerState/" + state);
          if (!state.equals("running")) {
            restoreSeen.unchanged(vm, look);
            continue;
          }
          confirm(events, vm, "PowerState/running");
          Optional<String> h = health.observe(vm, events);
          if (h.isEmpty() || h.get().equals("Available") || h.get().equals("Unknown")) {
            // Both answers are in: restored by now. Azure's own time is read after this stamp.
            Stamp seen = ctx.stamp();
            events.on(new PlatformRestored(seen, step, vm, "PowerState/running; "
                + h.map(s -> "Resource Health " + s).orElse("Resource Health not reported"),
                restoreSeen.of(vm), VmPower.stated(ctx.arm(), view, revertOps.get(vm), null)));
            pending.remove(vm);
          } else {
            restoreSeen.unchanged(vm, look);
            lastSeen.put(vm, "PowerState/running, Resource Health " + h.get());
          }
        } catch (ArmException e) {
          lastSeen.put(vm, e.getMessage());
        }
      }
      if (pending.isEmpty()) {
        return;
      }
      if (ctx.past(deadline)) {
        String vm = pending.iterator().next();
        events.on(new Note(ctx.stamp(), Level.ERROR, step + ": " + vm + " not restored by "
            + deadline + " (last seen: " + lastSeen.get(vm) + ")"));
        throw new FaultException(step, vm, "not restored by " + deadline + " (last seen: "
            + lastSeen.get(vm) + ")", AzCommands.vmStart(List.copyOf(pending)), null);
      }
      sleep(pace, deadline, pending.iterator().next());
    }
  }

  /** Journals that the VM's change is undone, once. */
  private void confirm(EventListener events, String vm, String evidence) {
    if (changed.remove(vm) != null) {
      events.on(new ChangeRestored(ctx.stamp(), step, vm, CHANGE, evidence));
    }
  }

  private void sleep(Instant deadline, String vm) throws FaultException {
    try {
      ctx.pause(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(step, vm, "interrupted", manualRevertCommand(), e);
    }
  }

  private void sleep(Pace pace, Instant deadline, String vm) throws FaultException {
    try {
      pace.pause(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(step, vm, "interrupted", manualRevertCommand(), e);
    }
  }

  @Override
  public String manualRevertCommand() {
    List<String> todo = changedVms().stream().filter(this::wasRunning).toList();
    return AzCommands.vmStart(todo.isEmpty() ? vms : todo);
  }
}
