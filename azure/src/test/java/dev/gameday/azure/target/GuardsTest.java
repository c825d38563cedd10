package dev.gameday.azure.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.core.model.Safety;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardsTest {
  static final String SUB = "11111111-1111-1111-1111-111111111111";

  static ResolvedResource vm(String sub, String rg, String name, Map<String, String> tags) {
    return new ResolvedResource("/subscriptions/" + sub + "/resourceGroups/" + rg
        + "/providers/Microsoft.Compute/virtualMachines/" + name, tags);
  }

  @Test
  void acceptsTaggedTargetsWithinTheLimits() throws Exception {
    new Guards(Safety.defaults(), SUB).check(Map.of("web",
        List.of(vm(SUB, "rg", "a", Map.of("Chaos", "allowed")))));
  }

  @Test
  void listsEveryProblemAtOnceWithWhatToDo() {
    Safety safety = new Safety(Map.of("chaos", "allowed"), 1, List.of(), List.of("rg-shop"),
        false);
    var targets = Map.of("web", List.of(
        vm(SUB, "rg-shop", "untagged", Map.of()),
        vm("22222222-2222-2222-2222-222222222222", "rg-shop", "elsewhere",
            Map.of("chaos", "allowed")),
        vm(SUB, "rg-prod", "prod", Map.of("chaos", "allowed"))));

    assertThatThrownBy(() -> new Guards(safety, SUB).check(targets))
        .isInstanceOfSatisfying(GuardViolation.class, e -> {
          assertThat(e.problems()).hasSize(4);
          assertThat(e.problems()).anyMatch(p -> p.contains("untagged")
              && p.contains("lacks the opt-in tag chaos=allowed") && p.contains("az resource tag"));
          assertThat(e.problems()).anyMatch(p -> p.contains("elsewhere")
              && p.contains("not in the experiment's subscription"));
          assertThat(e.problems()).anyMatch(p -> p.contains("rg-prod")
              && p.contains("safety.allowedResourceGroups"));
          assertThat(e.problems()).anyMatch(p -> p.contains("3 resources selected but"
              + " safety.maxTargets is 1"));
        });
  }

  @Test
  void countsAResourceNamedByTwoTargetsOnce() throws Exception {
    Safety one = new Safety(Map.of(), 1, List.of(), List.of(), false);
    ResolvedResource a = vm(SUB, "rg", "a", Map.of());

    new Guards(one, SUB).check(Map.of("x", List.of(a), "y", List.of(a)));
  }
}
