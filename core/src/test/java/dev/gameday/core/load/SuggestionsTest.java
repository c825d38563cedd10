package dev.gameday.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> FAULT_KEYS = List.of("name", "hold", "recoveryTimeout", "vm.powerOff", "nsg.deny");

  @Test
  void aTypoSuggestsTheClosestAllowedKey() {
    assertThat(Suggestions.didYouMean("hodl", FAULT_KEYS)).contains("did you mean `hold`?");
    assertThat(Suggestions.didYouMean("vm.poweroff", FAULT_KEYS)).contains("did you mean `vm.powerOff`?");
    assertThat(Suggestions.didYouMean("recoverTimeout", FAULT_KEYS)).contains("did you mean `recoveryTimeout`?");
  }

  @Test
  void somethingUnrelatedSuggestsNothing() {
    assertThat(Suggestions.didYouMean("schedule", FAULT_KEYS)).isEmpty();
  }
}
