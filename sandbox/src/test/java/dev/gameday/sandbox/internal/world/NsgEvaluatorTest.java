package dev.gameday.sandbox.internal.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gameday.sandbox.internal.arm.ArmException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NsgEvaluatorTest {

  private static final Cidr.Space VNET = new Cidr.Space(List.of(Cidr.parse("10.10.0.0/16")));
  private static final SecurityRule.Flow WEB_TO_SQL =
      new SecurityRule.Flow("Tcp", Ipv4.parse("10.10.1.4"), 50000, Ipv4.parse("10.10.2.4"), 1433);

  private static SecurityRule rule(String name, String access, int priority, String destination, String ports) {
    return SecurityRule.validate(name, new WorldConfig.Rule(name, null, "Tcp", access, "Outbound", priority, "*", null,
        "*", null, destination, null, ports, null));
  }

  @Test
  void defaultRulesAllowTrafficInsideTheVirtualNetwork() {
    assertThat(NsgEvaluator.evaluate("nsg", List.of(), "Outbound", WEB_TO_SQL, VNET).rule())
        .isEqualTo("AllowVnetOutBound");
  }

  @Test
  void theLowestPriorityNumberWins() {
    var deny = rule("deny-sql", "Deny", 200, "10.10.2.0/24", "1433");
    var allow = rule("allow-sql", "Allow", 100, "10.10.2.4", "1000-2000");
    assertThat(NsgEvaluator.evaluate("nsg", List.of(deny, allow), "Outbound", WEB_TO_SQL, VNET).allowed()).isTrue();
    var earlierDeny = rule("deny-sql", "Deny", 100, "VirtualNetwork", "*");
    var laterAllow = rule("allow-sql", "Allow", 150, "10.10.2.4", "1000-2000");
    var verdict = NsgEvaluator.evaluate("nsg", List.of(laterAllow, earlierDeny), "Outbound", WEB_TO_SQL, VNET);
    assertThat(verdict.allowed()).isFalse();
    assertThat(verdict.rule()).isEqualTo("deny-sql");
  }

  @Test
  void rulesOnlyMatchTheirPortsPrefixesAndDirection() {
    var otherPort = rule("deny-pg", "Deny", 100, "10.10.2.0/24", "5432");
    var otherNet = rule("deny-other", "Deny", 110, "10.20.0.0/16", "*");
    assertThat(NsgEvaluator.evaluate("nsg", List.of(otherPort, otherNet), "Outbound", WEB_TO_SQL, VNET).allowed())
        .isTrue();
    assertThat(NsgEvaluator.evaluate("nsg", List.of(rule("d", "Deny", 100, "*", "*")), "Inbound", WEB_TO_SQL, VNET)
        .rule()).isEqualTo("AllowVnetInBound");
  }

  @Test
  void badValuesAreRejectedLikeArm() {
    assertThatThrownBy(() -> rule("r", "Deny", 4097, "*", "*")).isInstanceOf(ArmException.class)
        .hasMessageContaining("Priority");
    assertThatThrownBy(() -> rule("r", "Deny", 100, "10.10.2.300", "*")).isInstanceOf(ArmException.class)
        .hasMessageContaining("Address prefix");
    assertThatThrownBy(() -> rule("r", "Deny", 100, "*", "70000")).isInstanceOf(ArmException.class)
        .hasMessageContaining("Port range");
    assertThatThrownBy(() -> rule("r", "Maybe", 100, "*", "*")).isInstanceOf(ArmException.class);
  }
}
