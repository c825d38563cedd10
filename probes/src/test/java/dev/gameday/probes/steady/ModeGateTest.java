package dev.gameday.probes.steady;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.Phase;
import dev.gameday.core.model.ProbeSpec.Mode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ModeGateTest {
  private static Set<Phase> phasesOf(Mode mode) {
    return Arrays.stream(Phase.values()).filter(p -> ModeGate.active(mode, Optional.of(p)))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Phase.class)));
  }

  @Test
  void eachModeRunsInItsPhases() {
    assertThat(phasesOf(Mode.CONTINUOUS)).containsExactlyInAnyOrder(Phase.values());
    assertThat(phasesOf(Mode.BASELINE)).containsExactly(Phase.WARMUP, Phase.BASELINE);
    assertThat(phasesOf(Mode.DURING)).containsExactly(Phase.INJECT, Phase.HOLD);
    assertThat(phasesOf(Mode.AFTER)).containsExactly(Phase.REVERT, Phase.RECOVERY, Phase.VERIFY);
  }

  @Test
  void beforeAnyPhaseOnlyContinuousProbesRun() {
    assertThat(ModeGate.active(Mode.CONTINUOUS, Optional.empty())).isTrue();
    assertThat(ModeGate.active(Mode.BASELINE, Optional.empty())).isFalse();
  }
}
