package dev.gameday.sandbox.internal.world;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Evaluates NSG rules as Azure does: per direction, lowest priority number first, first match wins. */
public final class NsgEvaluator {

  /** Outcome of a flow through one NSG. */
  public record Verdict(boolean allowed, String nsg, String rule) {
  }

  private NsgEvaluator() {
  }

  public static Verdict evaluate(String nsgName, List<SecurityRule> customRules, String direction,
      SecurityRule.Flow flow, Cidr.Space vnetSpace) {
    List<SecurityRule> rules = new ArrayList<>();
    customRules.stream().filter(r -> r.direction().equals(direction)).forEach(rules::add);
    SecurityRule.defaults().stream().filter(r -> r.direction().equals(direction)).forEach(rules::add);
    rules.sort(Comparator.comparingInt(SecurityRule::priority));
    for (SecurityRule rule : rules) {
      if (rule.matches(flow, vnetSpace)) {
        return new Verdict(rule.allows(), nsgName, rule.name());
      }
    }
    return new Verdict(false, nsgName, "DenyAll" + direction);
  }
}
