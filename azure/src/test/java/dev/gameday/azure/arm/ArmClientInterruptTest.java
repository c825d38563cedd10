package dev.gameday.azure.arm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gameday.azure.support.ArmStub;
import dev.gameday.azure.support.WithArmStub;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An injection cancelled by an abort is interrupted wherever it waits: in a {@code Retry-After}
 * wait, or for an answer that does not come. It must stop at once, keep its interrupt flag, and
 * never send the request again after the abort.
 */
class ArmClientInterruptTest extends WithArmStub {
  static final String VM = "/subscriptions/" + ArmStub.SUB
      + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";

  record Outcome(Throwable failure, boolean flagKept, Duration took) {}

  /** Runs the call on its own thread, interrupts it after {@code after}, and reports. */
  static Outcome interruptAfter(Duration after, Runnable call) throws Exception {
    CompletableFuture<Outcome> result = new CompletableFuture<>();
    Thread t = Thread.ofPlatform().start(() -> {
      long t0 = System.nanoTime();
      Throwable failure = null;
      try {
        call.run();
      } catch (Throwable e) {
        failure = e;
      }
      result.complete(new Outcome(failure, Thread.currentThread().isInterrupted(),
          Duration.ofNanos(System.nanoTime() - t0)));
    });
    Thread.sleep(after.toMillis());
    t.interrupt();
    return result.get(20, TimeUnit.SECONDS);
  }

  ArmClient patientClient() {
    return stub.client(ArmStub.fast().withMaxAttempts(5).withCallTimeout(Duration.ofSeconds(30)));
  }

  @Test
  void anInterruptDuringARetryAfterWaitEndsTheCallWithoutSendingAgain() throws Exception {
    stub.server.stubFor(post(urlPathEqualTo(VM + "/powerOff")).inScenario("t")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
            .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")));
    stub.server.stubFor(post(urlPathEqualTo(VM + "/powerOff")).inScenario("t")
        .whenScenarioStateIs("ok").willReturn(aResponse().withStatus(202)));
    ArmClient arm = patientClient();

    Outcome o = interruptAfter(Duration.ofMillis(500),
        () -> arm.send(ArmRequest.post(VM + "/powerOff", "2025-04-01", null)));

    assertThat(o.failure()).isInstanceOf(ArmInterruptedException.class);
    assertThat(o.flagKept()).as("the interrupt flag stays set").isTrue();
    assertThat(o.took()).isLessThan(Duration.ofSeconds(5));
    Thread.sleep(300);
    stub.server.verify(1, postRequestedFor(urlPathEqualTo(VM + "/powerOff")));
  }

  @Test
  void anInterruptWhileWaitingForAnAnswerIsNotRetried() throws Exception {
    stub.server.stubFor(get(urlPathEqualTo(VM)).willReturn(okJson("{}").withFixedDelay(10_000)));
    ArmClient arm = patientClient();

    Outcome o = interruptAfter(Duration.ofMillis(500),
        () -> arm.send(ArmRequest.get(VM, "2025-04-01")));

    assertThat(o.failure()).isInstanceOf(ArmInterruptedException.class);
    assertThat(o.flagKept()).isTrue();
    assertThat(o.took()).isLessThan(Duration.ofSeconds(5));
    stub.server.verify(1, getRequestedFor(urlPathEqualTo(VM)));
  }

  @Test
  void anInterruptedThreadSendsNothing() {
    stub.server.stubFor(post(urlPathEqualTo(VM + "/powerOff")).willReturn(aResponse().withStatus(202)));
    ArmClient arm = patientClient();
    Thread.currentThread().interrupt();
    try {
      Throwable t = org.assertj.core.api.Assertions.catchThrowable(
          () -> arm.send(ArmRequest.post(VM + "/powerOff", "2025-04-01", null)));
      assertThat(t).isInstanceOf(ArmInterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
    stub.server.verify(0, postRequestedFor(urlPathEqualTo(VM + "/powerOff")));
  }
}
