package dev.gameday.core.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The built-in catalogue of controls a game day can help evidence, and which fault kinds and
 * objectives speak to each. This is guidance for filing evidence, not a certification: whether a
 * control is met is an auditor's judgement on the whole of an organisation's practice.
 */
public final class ControlCatalogue {
  /** The plain statement every rendering of the mapping carries. */
  public static final String DISCLAIMER = "This mapping is guidance for filing the evidence of this"
      + " run. It is not a certification, and not an auditor's opinion that any control is met.";

  public static final List<Control> CONTROLS = List.of(
      new Control("ISO27001:A.5.29", "ISO/IEC 27001:2022 Annex A 5.29",
          "Information security during disruption"),
      new Control("ISO27001:A.5.30", "ISO/IEC 27001:2022 Annex A 5.30",
          "ICT readiness for business continuity"),
      new Control("ISO22301:8.5", "ISO 22301:2019 clause 8.5", "Exercise programme"),
      new Control("SOC2:A1.3", "SOC 2 (2017 TSC) A1.3",
          "Recovery plan procedures are tested"),
      new Control("DORA:Art.11(6)", "DORA (EU 2022/2554) Art. 11(6)",
          "Testing of ICT business continuity and response and recovery plans"),
      new Control("DORA:Art.12", "DORA (EU 2022/2554) Art. 12",
          "Restoration and recovery procedures and methods"),
      new Control("DORA:Art.24-25", "DORA (EU 2022/2554) Art. 24-25",
          "Digital operational resilience testing of ICT tools and systems"),
      new Control("NIST:SP800-34", "NIST SP 800-34 Rev. 1, 3.5",
          "Contingency plan testing, training and exercises"));

  private ControlCatalogue() {}

  /** The control with this id. */
  public static Optional<Control> byId(String id) {
    return CONTROLS.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** A control and why this run speaks to it. */
  public record Evidenced(Control control, List<String> because) {
    public Evidenced {
      because = List.copyOf(because);
    }
  }

  /**
   * What a run can evidence, in catalogue order: {@code completedSteps} are its fault steps (kind
   * by step name) that were injected and reverted without a failed revert, {@code judgedObjectives}
   * the keys of its objectives that were met or missed (not those left unmeasured),
   * {@code declared} the controls the experiment's author named, and {@code insideWindow} false
   * when the run ignored its maintenance window. A step or objective the run did not complete is
   * never claimed.
   */
  public static List<Evidenced> evidencedBy(Map<String, String> completedSteps,
      Set<String> judgedObjectives, Set<String> declared, boolean insideWindow) {
    Map<String, List<String>> why = new LinkedHashMap<>();
    CONTROLS.forEach(c -> why.put(c.id(), new ArrayList<>()));
    completedSteps.forEach((step, kind) -> {
      if (kind.equals("pause")) {
        return;
      }
      String fault = "fault step '" + step + "' (" + kind + ") was injected, held and reverted";
      why.get("ISO27001:A.5.29").add(fault + (insideWindow ? " inside the maintenance window"
          : " (the run ignored its maintenance window)"));
      why.get("ISO22301:8.5").add(fault);
      why.get("DORA:Art.24-25").add(fault);
      why.get("NIST:SP800-34").add(fault);
      if (kind.equals("siteRecovery.failover")) {
        String dr = "step '" + step + "' failed the workload over with Site Recovery";
        why.get("DORA:Art.11(6)").add(dr);
        why.get("DORA:Art.12").add(dr);
        why.get("SOC2:A1.3").add(dr);
        why.get("ISO27001:A.5.30").add(dr);
      }
    });
    if (completedSteps.values().stream().anyMatch(k -> !k.equals("pause"))) {
      for (String o : judgedObjectives) {
        String measured = "objective '" + o + "' was measured " + switch (o) {
          case "rpo" -> "from the recovery point Site Recovery used";
          case "maxTimeToEffect" -> "from Azure's confirmation of the fault";
          default -> "against the application's probes";
        };
        why.get("ISO27001:A.5.30").add(measured);
        if (o.equals("rto") || o.equals("rpo")) {
          why.get("SOC2:A1.3").add(measured);
          why.get("DORA:Art.11(6)").add(measured);
        }
        if (o.equals("rpo")) {
          why.get("DORA:Art.12").add(measured);
        }
      }
    }
    for (String id : declared) {
      if (why.containsKey(id)) {
        why.get(id).add("declared in the experiment's audit.controls");
      }
    }
    List<Evidenced> out = new ArrayList<>();
    for (Control c : CONTROLS) {
      if (!why.get(c.id()).isEmpty()) {
        out.add(new Evidenced(c, why.get(c.id())));
      }
    }
    return out;
  }
}
