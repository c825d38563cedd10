package dev.gameday.azure.support;

import dev.gameday.core.testing.RecordingListener;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the tests that talk to a WireMock ARM over HTTPS: one stub server per test class,
 * reset before each test, and a recorder of the events the code under test emits.
 */
public abstract class WithArmStub {
  @TempDir protected static Path dir;
  protected static ArmStub stub;
  protected final RecordingListener events = new RecordingListener();

  @BeforeAll
  static void startStub() throws Exception {
    stub = new ArmStub(dir);
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @BeforeEach
  void resetStub() {
    stub.server.resetAll();
  }
}
