package dev.gameday.azure.target;

import dev.gameday.core.port.PlatformException;
import java.util.List;

/** One or more safety guards refused the run; each problem says what to change. */
public final class GuardViolation extends PlatformException {
  private final List<String> problems;

  public GuardViolation(List<String> problems) {
    super("safety guards refused the run:\n  - " + String.join("\n  - ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
