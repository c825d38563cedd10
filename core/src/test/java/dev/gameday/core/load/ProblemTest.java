package dev.gameday.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProblemTest {
  @Test
  void formatsAsFileLineColumnMessageAndHint() {
    assertThat(new Problem("exp.yaml", 28, 5, "unknown key `hodl` in faults[0]", Optional.of("did you mean `hold`?"))
        .format()).isEqualTo("exp.yaml:28:5: unknown key `hodl` in faults[0] (hint: did you mean `hold`?)");
    assertThat(new Problem("exp.yaml", 1, 1, "the file is empty", Optional.empty()).format())
        .isEqualTo("exp.yaml:1:1: the file is empty");
  }
}
