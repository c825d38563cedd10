package dev.gameday.reports.evidence;

import java.util.ArrayList;
import java.util.List;

/**
 * What checking a run directory found: {@code problems} (each names the file and, for the
 * journal, the line) make it fail; {@code notes} are facts worth saying that are not tampering
 * (a journal cut short by a crash, a journal from before the hash chain, a valid signature).
 */
public record Verification(List<String> problems, List<String> notes) {
  public Verification {
    problems = List.copyOf(problems);
    notes = List.copyOf(notes);
  }

  public boolean passed() {
    return problems.isEmpty();
  }

  Verification plus(Verification other) {
    List<String> p = new ArrayList<>(problems);
    p.addAll(other.problems);
    List<String> n = new ArrayList<>(notes);
    n.addAll(other.notes);
    return new Verification(p, n);
  }
}
