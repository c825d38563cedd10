package dev.gameday.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
  @Test
  void escapeSequencesBellAndC1ControlsCannotReachTheTerminal() {
    assertThat(TerminalText.safe("599 \u001b[2J\u001b[32mFAKE PASSED\u0007\u009b2J"))
        .isEqualTo("599 ?[2J?[32mFAKE PASSED??2J");
  }

  @Test
  void lineBreaksCannotForgeALine() {
    assertThat(TerminalText.safe("bad\r\n12:00:00Z  run finished: PASSED\tx"))
        .isEqualTo("bad  12:00:00Z  run finished: PASSED x");
  }

  @Test
  void bidirectionalOverridesAreReplaced() {
    assertThat(TerminalText.safe("ok\u202edeliaf")).isEqualTo("ok?deliaf");
  }

  @Test
  void plainTextIsReturnedAsItIs() {
    String s = "503 Service Unavailable — ünïcode ok";
    assertThat(TerminalText.safe(s)).isSameAs(s);
    assertThat(TerminalText.safe(null)).isEmpty();
  }
}
