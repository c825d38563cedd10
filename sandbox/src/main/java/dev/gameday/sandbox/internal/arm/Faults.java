package dev.gameday.sandbox.internal.arm;

import dev.gameday.sandbox.SandboxFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Pending injected faults; each matching call uses up one. Thread-safe. */
public final class Faults {

  /** A fault with the calls it still applies to. */
  public record Pending(int id, SandboxFault fault, int remaining) {
  }

  private final List<Pending> pending = new ArrayList<>();
  private int nextId = 1;

  public synchronized Pending add(SandboxFault fault) {
    Pending p = new Pending(nextId++, fault, fault.count());
    pending.add(p);
    return p;
  }

  public synchronized List<Pending> pending() {
    return List.copyOf(pending);
  }

  public synchronized void clear() {
    pending.clear();
  }

  /** Uses up one call of the first fault matching the request, if any. */
  public synchronized Optional<SandboxFault> take(String method, String path) {
    for (int i = 0; i < pending.size(); i++) {
      Pending p = pending.get(i);
      String m = p.fault().method();
      if ((m.equals("*") || m.equalsIgnoreCase(method)) && p.fault().pathPattern().matcher(path).find()) {
        if (p.remaining() <= 1) {
          pending.remove(i);
        } else {
          pending.set(i, new Pending(p.id(), p.fault(), p.remaining() - 1));
        }
        return Optional.of(p.fault());
      }
    }
    return Optional.empty();
  }
}
