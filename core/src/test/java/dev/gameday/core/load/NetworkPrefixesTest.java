package dev.gameday.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkPrefixesTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"*", "10.10.1.0/24", "10.10.2.4", "0.0.0.0/0", "2001:db8::/32", "::1", "::",
      "fe80::1:2:3:4/64", "2001:db8:0:0:0:0:0:1", "::ffff:10.0.0.1", "Sql", "VirtualNetwork", "Internet",
      "AzureCloud.westeurope", "Sql.WestEurope", "AzureFrontDoor.Backend"})
  void validPrefixesAndServiceTagsPass(String text) {
    assertThat(NetworkPrefixes.problem(text)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"10.10.1.0/33", "256.1.1.1", "10.10.1/24", "10.10.1.0/24/8", "2001:db8::/129",
      "2001:db8:::1", "1:2:3:4:5:6:7:8:9", "12345::", "Sqll", "virtualnetwork", "AzureCloud.", "10.0.0.0/-1"})
  void invalidOnesAreExplained(String text) {
    assertThat(NetworkPrefixes.problem(text)).isPresent();
  }
}
