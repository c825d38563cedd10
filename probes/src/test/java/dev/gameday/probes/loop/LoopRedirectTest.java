package dev.gameday.probes.loop;

import static dev.gameday.probes.TestSpecs.probe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gameday.core.event.TimelineEvent.Outcome;
import dev.gameday.core.event.TimelineEvent.ProbeSample;
import dev.gameday.core.model.Expectation;
import dev.gameday.probes.TestSpecs;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loop client follows redirects by {@code RedirectPolicy}, as {@code RedirectPolicyTest}. */
class LoopRedirectTest {
  private final MockWebServer first = new MockWebServer();
  private final MockWebServer other = new MockWebServer();
  private final LoopClient client = LoopClient.create(Duration.ofMillis(1));

  @BeforeEach
  void start() throws IOException {
    first.start(InetAddress.getByName("127.0.0.1"), 0);
    other.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    first.close();
    other.close();
    client.close();
  }

  private TestSpecs withSecrets(String url) {
    return probe(url).secretHeader("X-Api-Key", "key-from-env")
        .secretHeader("Authorization", "Bearer tok").header("X-Plain", "visible");
  }

  private void redirectTo(MockWebServer from, String location) {
    from.enqueue(new MockResponse.Builder().code(302).setHeader("Location", location).build());
  }

  private ProbeSample first(TestSpecs spec) throws InterruptedException {
    return LoopSamples.first(client, spec.timeout(Duration.ofSeconds(5)));
  }

  @Test
  void secretHeadersAreNotSentToAnotherOrigin() throws Exception {
    redirectTo(first, other.url("/landing").toString());
    other.enqueue(new MockResponse.Builder().body("ok").build());

    ProbeSample s = first(withSecrets(first.url("/").toString()));

    assertThat(s.outcome()).isEqualTo(Outcome.OK);
    assertThat(first.takeRequest(1, TimeUnit.SECONDS).getHeaders().get("X-Api-Key"))
        .isEqualTo("key-from-env");
    RecordedRequest landed = other.takeRequest(1, TimeUnit.SECONDS);
    assertThat(landed.getTarget()).isEqualTo("/landing");
    assertThat(landed.getHeaders().get("X-Api-Key")).isNull();
    assertThat(landed.getHeaders().get("Authorization")).isNull();
    assertThat(landed.getHeaders().get("X-Plain")).isEqualTo("visible");
  }

  @Test
  void secretHeadersFollowARedirectWithinTheOriginOnTheSameConnection() throws Exception {
    redirectTo(first, "/moved");
    first.enqueue(new MockResponse.Builder().body("ok").build());

    ProbeSample s = first(withSecrets(first.url("/").toString()));

    assertThat(s.outcome()).isEqualTo(Outcome.OK);
    RecordedRequest asked = first.takeRequest(1, TimeUnit.SECONDS);
    RecordedRequest moved = first.takeRequest(1, TimeUnit.SECONDS);
    assertThat(moved.getTarget()).isEqualTo("/moved");
    assertThat(moved.getHeaders().get("X-Api-Key")).isEqualTo("key-from-env");
    assertThat(moved.getConnectionIndex()).isEqualTo(asked.getConnectionIndex());
  }

  @Test
  void aPostRedirectedBy303BecomesAGetWithoutItsBody() throws Exception {
    first.enqueue(new MockResponse.Builder().code(303).setHeader("Location", "/result").build());
    first.enqueue(new MockResponse.Builder().body("ok").build());

    first(probe(first.url("/").toString()).method("POST").body("{}")
        .header("Content-Type", "application/json"));

    assertThat(first.takeRequest(1, TimeUnit.SECONDS).getMethod()).isEqualTo("POST");
    RecordedRequest followed = first.takeRequest(1, TimeUnit.SECONDS);
    assertThat(followed.getMethod()).isEqualTo("GET");
    assertThat(followed.getHeaders().get("Content-Type")).isNull();
    assertThat(followed.getBodySize()).isZero();
  }

  @Test
  void aRedirectLoopIsAFailedSampleWithHttpProbesReason() throws Exception {
    first.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(302).setHeader("Location", "/again").build();
      }
    });

    ProbeSample s = first(probe(first.url("/").toString()));

    assertThat(s.outcome()).isEqualTo(Outcome.IO_ERROR);
    assertThat(s.reason()).isEqualTo("redirect loop: too many follow-up requests: 21");
    assertThat(first.getRequestCount()).isEqualTo(21);
  }

  @Test
  void withRedirectsOffTheRedirectItselfIsJudged() throws Exception {
    redirectTo(first, "/moved");

    ProbeSample s = first(probe(first.url("/").toString()).noRedirects()
        .expect(TestSpecs.expect(List.of(new Expectation.StatusRange(200, 200)),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of())));

    assertThat(s.outcome()).isEqualTo(Outcome.UNEXPECTED_STATUS);
    assertThat(s.reason()).isEqualTo("302 Found");
    assertThat(first.getRequestCount()).isEqualTo(1);
  }
}
