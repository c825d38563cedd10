package dev.gameday.azure.arm;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.gameday.azure.support.ArmStub;
import dev.gameday.azure.support.WithArmStub;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A revert's deadline is a deadline: a call that hangs, or answers 429 with a long Retry-After,
 * ends by it — no attempt outlives it, no retry starts after it.
 */
class ArmClientDeadlineTest extends WithArmStub {
  static final String VM = "/subscriptions/" + ArmStub.SUB
      + "/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1";

  /** Patient settings: 5 attempts of 30 s each; only the deadline can end the call early. */
  ArmClient bounded(Duration within) {
    return stub.client(ArmStub.fast().withMaxAttempts(5).withCallTimeout(Duration.ofSeconds(30)))
        .until(Instant.now().plus(within), Instant::now);
  }

  static Duration timed(Runnable call) {
    long t0 = System.nanoTime();
    catchThrowable(call::run);
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  @Test
  void aHangingCallEndsAtTheDeadline() {
    stub.server.stubFor(get(urlPathEqualTo(VM)).willReturn(okJson("{}").withFixedDelay(20_000)));
    ArmClient arm = bounded(Duration.ofSeconds(1));

    long t0 = System.nanoTime();
    Throwable t = catchThrowable(() -> arm.send(ArmRequest.get(VM, "2025-04-01")));
    Duration took = Duration.ofNanos(System.nanoTime() - t0);

    assertThat(t).isInstanceOf(ArmDeadlineException.class);
    assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(2500));
    stub.server.verify(1, getRequestedFor(urlPathEqualTo(VM)));
  }

  @Test
  void aRetryAfterLongerThanTheTimeLeftIsNotWaitedFor() {
    stub.server.stubFor(post(urlPathEqualTo(VM + "/start")).willReturn(aResponse().withStatus(429)
        .withHeader("Retry-After", "60")
        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")));

    Duration took = timed(() -> bounded(Duration.ofSeconds(1))
        .send(ArmRequest.post(VM + "/start", "2025-04-01", null)));

    assertThat(took).isLessThan(Duration.ofMillis(900));
    stub.server.verify(1, postRequestedFor(urlPathEqualTo(VM + "/start")));
  }

  @Test
  void withoutADeadlineTheRetriesGoOn() {
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("s")
        .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
        .willSetStateTo("ok").willReturn(aResponse().withStatus(503)));
    stub.server.stubFor(get(urlPathEqualTo(VM)).inScenario("s").whenScenarioStateIs("ok")
        .willReturn(okJson("{\"name\":\"vm1\"}")));

    ArmResponse r = stub.client(ArmStub.fast()).until(Instant.now().plusSeconds(10), Instant::now)
        .send(ArmRequest.get(VM, "2025-04-01"));

    assertThat(r.body().path("name").asText()).isEqualTo("vm1");
  }
}
