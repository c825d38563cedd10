package dev.gameday.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue of controls, and what a run's steps and objectives evidence. */
class ControlCatalogueTest {
  @Test
  void theSchemaAcceptsExactlyTheCataloguesControlIds() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    Path schema = (here.resolve("experiments").toFile().isDirectory() ? here : here.getParent())
        .resolve("experiments/schema/experiment-v1.schema.json");
    JsonNode items = new ObjectMapper().readTree(schema.toFile())
        .at("/properties/audit/properties/controls/items/enum");
    List<String> ids = new ArrayList<>();
    items.forEach(n -> ids.add(n.asText()));

    assertThat(ids).containsExactlyElementsOf(ControlCatalogue.CONTROLS.stream()
        .map(Control::id).toList());
  }

  @Test
  void aSiteRecoveryDrillWithAnRtoSpeaksToRestorationAndRecoveryTesting() {
    var evidenced = ControlCatalogue.evidencedBy(Map.of("dr-drill", "siteRecovery.failover"),
        Set.of("rto"), Set.of(), true);

    assertThat(evidenced).extracting(e -> e.control().id()).contains("DORA:Art.11(6)",
        "DORA:Art.12", "SOC2:A1.3", "ISO27001:A.5.30", "ISO22301:8.5", "NIST:SP800-34");
    assertThat(evidenced).filteredOn(e -> e.control().id().equals("DORA:Art.12")).singleElement()
        .satisfies(e -> assertThat(e.because()).singleElement().asString()
            .contains("'dr-drill' failed the workload over with Site Recovery"));
  }

  @Test
  void aMeasuredRpoSpeaksToRestorationFromTheRecoveryPointNotToProbes() {
    var evidenced = ControlCatalogue.evidencedBy(Map.of("dr-drill", "siteRecovery.failover"),
        Set.of("rpo"), Set.of(), true);

    assertThat(evidenced).filteredOn(e -> e.control().id().equals("DORA:Art.12")).singleElement()
        .satisfies(e -> assertThat(e.because()).anySatisfy(b -> assertThat(b)
            .isEqualTo("objective 'rpo' was measured from the recovery point Site Recovery used")));
    assertThat(evidenced).flatExtracting(ControlCatalogue.Evidenced::because)
        .noneMatch(b -> b.contains("'rpo' was measured against the application's probes"));
  }

  @Test
  void aVmPowerOffWithoutObjectivesDoesNotClaimRecoveryPlanTesting() {
    var ids = ControlCatalogue.evidencedBy(Map.of("web", "vm.powerOff"), Set.of(), Set.of(), true)
        .stream().map(e -> e.control().id()).toList();

    assertThat(ids).contains("ISO22301:8.5", "DORA:Art.24-25")
        .doesNotContain("DORA:Art.12", "SOC2:A1.3", "DORA:Art.11(6)");
  }

  @Test
  void aRunOutsideItsWindowSaysSoAndTimeToEffectIsNotCalledAProbeFigure() {
    var because = ControlCatalogue.evidencedBy(Map.of("web", "vm.powerOff"),
        Set.of("maxTimeToEffect"), Set.of(), false).stream()
        .flatMap(e -> e.because().stream()).toList();

    assertThat(because).contains("fault step 'web' (vm.powerOff) was injected, held and reverted"
        + " (the run ignored its maintenance window)")
        .contains("objective 'maxTimeToEffect' was measured from Azure's confirmation of the fault")
        .noneMatch(b -> b.contains("inside the maintenance window"));
  }

  @Test
  void aPauseStepEvidencesNothingButADeclaredControlIsListedAsDeclared() {
    var evidenced = ControlCatalogue.evidencedBy(Map.of("wait", "pause"), Set.of(),
        Set.of("SOC2:A1.3"), true);

    assertThat(evidenced).singleElement().satisfies(e -> {
      assertThat(e.control().id()).isEqualTo("SOC2:A1.3");
      assertThat(e.because()).containsExactly("declared in the experiment's audit.controls");
    });
  }
}
