package dev.gameday.core.model;

import java.util.List;
import java.util.Optional;

/**
 * What an auditor asks of a drill besides its figures: who approved it, the change or ticket it
 * ran under, and the controls its author means it to evidence (ids from
 * {@code dev.gameday.core.audit.ControlCatalogue}). All optional.
 */
public record Audit(Optional<String> approver, Optional<String> change, List<String> controls) {
  public Audit {
    approver = approver == null ? Optional.empty() : approver;
    change = change == null ? Optional.empty() : change;
    controls = controls == null ? List.of() : List.copyOf(controls);
  }

  public static Audit none() {
    return new Audit(Optional.empty(), Optional.empty(), List.of());
  }

  /** True when no audit key was given. */
  public boolean blank() {
    return approver.isEmpty() && change.isEmpty() && controls.isEmpty();
  }
}
