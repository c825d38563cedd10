package dev.gameday.azure.target;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.model.TargetSpec.Pick;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PickerTest {
  final Picker picker = new Picker(() -> 99L);
  final List<ResolvedResource> ten = IntStream.range(0, 10)
      .mapToObj(i -> new ResolvedResource("/subscriptions/s/resourceGroups/rg/providers/"
          + "Microsoft.Compute/virtualMachines/vm-" + i, Map.of())).toList();

  @Test
  void sameSeedPicksTheSameResourcesWhateverTheOrderTheyCameIn() {
    List<ResolvedResource> reversed = ten.reversed();

    assertThat(picker.pick(ten, new Pick.Count(3, Optional.of(7L))))
        .isEqualTo(picker.pick(reversed, new Pick.Count(3, Optional.of(7L))))
        .hasSize(3);
  }

  @Test
  void percentRoundsUpAndPicksAtLeastOne() {
    assertThat(picker.pick(ten, new Pick.Percent(25, Optional.of(1L)))).hasSize(3);
    assertThat(picker.pick(ten.subList(0, 1), new Pick.Percent(1, Optional.of(1L)))).hasSize(1);
  }

  @Test
  void allKeepsEveryMatchSorted() {
    assertThat(picker.pick(ten.reversed(), new Pick.All())).isEqualTo(ten);
  }

  @Test
  void countBeyondTheMatchesTakesThemAll() {
    assertThat(picker.pick(ten, new Pick.Count(50, Optional.empty()))).hasSize(10);
  }
}
