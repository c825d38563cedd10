package dev.gameday.azure.fault;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RuleNamesTest {

  @Test
  void namesTheRuleAfterRunAndStep() {
    assertThat(RuleNames.of("20260302T0200Z-ab12", "cut-sql"))
        .isEqualTo("gameday-20260302T0200Z-ab12-cut-sql");
  }

  @Test
  void replacesCharactersArmRejectsAndTrimsTheEnd() {
    assertThat(RuleNames.of("run 1", "cut sql!")).isEqualTo("gameday-run-1-cut-sql");
  }

  @Test
  void keepsLongNamesWithin80CharactersAndApart() {
    String a = RuleNames.of("run-1", "x".repeat(100) + "a");
    String b = RuleNames.of("run-1", "x".repeat(100) + "b");

    assertThat(a).hasSizeLessThanOrEqualTo(80).startsWith("gameday-run-1-");
    assertThat(b).hasSizeLessThanOrEqualTo(80);
    assertThat(a).isNotEqualTo(b);
  }
}
