package dev.gameday.probes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbeJvmTest {
  private String saved;

  @BeforeEach
  void save() {
    saved = System.getProperty(ProbeJvm.POLLER_MODE);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(ProbeJvm.POLLER_MODE);
    } else {
      System.setProperty(ProbeJvm.POLLER_MODE, saved);
    }
  }

  @Test
  void choosesPlatformPollersWhenNothingIsSet() {
    System.clearProperty(ProbeJvm.POLLER_MODE);
    ProbeJvm.configure();
    assertThat(System.getProperty(ProbeJvm.POLLER_MODE)).isEqualTo("1");
  }

  @Test
  void keepsWhatTheUserSet() {
    System.setProperty(ProbeJvm.POLLER_MODE, "2");
    ProbeJvm.configure();
    assertThat(System.getProperty(ProbeJvm.POLLER_MODE)).isEqualTo("2");
  }
}
