package dev.gameday.runner.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The store bench's command line is read as every bench's is: --name value pairs. */
class StoreBenchTest {
  @Test
  void aNameWithoutAValueIsRefusedNotDropped() {
    assertThatThrownBy(() -> StoreBench.main(new String[] {"fill", "--run", "x", "--store"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected --name value pairs, got: --store");
  }
}
