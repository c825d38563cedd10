package dev.gameday.core.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecretsTest {
  @Test
  void everySecretIsMaskedAlsoWhenUrlEncoded() {
    Secrets s = Secrets.of(List.of("p@ss word+1", "tok-123"));
    assertThat(s.scrub("a=p%40ss+word%2B1&b=p%40ss%20word%2B1 tok-123 p@ss word+1"))
        .isEqualTo("a=***&b=*** *** ***");
  }

  @Test
  void aSecretContainingAnotherIsMaskedWhole() {
    Secrets s = Secrets.of(List.of("abcd", "abcdefgh"));
    assertThat(s.scrub("xabcdefghx abcd")).isEqualTo("x***x ***");
  }

  @Test
  void shortValuesAreNotScrubbedSoTextStaysReadable() {
    Secrets s = Secrets.of(List.of("on", "1"));
    assertThat(s.isEmpty()).isTrue();
    assertThat(s.scrub("turned on 1 time")).isEqualTo("turned on 1 time");
  }

  @Test
  void secretsCombineAndNeverShowInToString() {
    Secrets s = Secrets.of(List.of("first-secret")).and(Secrets.of(List.of("second-secret")));
    assertThat(s.scrub("first-secret second-secret")).isEqualTo("*** ***");
    assertThat(s.foundIn("xx second-secret")).isTrue();
    assertThat(s.toString()).doesNotContain("secret-");
  }
}
