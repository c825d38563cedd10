package dev.gameday.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.resourcemanager.AzureResourceManager;
import com.azure.resourcemanager.compute.models.PowerState;
import com.azure.resourcemanager.compute.models.VirtualMachine;
import com.azure.resourcemanager.network.fluent.models.SecurityRuleInner;
import com.azure.resourcemanager.network.models.NetworkSecurityGroup;
import com.azure.resourcemanager.network.models.SecurityRuleAccess;
import com.azure.resourcemanager.network.models.SecurityRuleDirection;
import com.azure.resourcemanager.network.models.SecurityRuleProtocol;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real azure-resourcemanager SDK against the sandbox. */
class AzureSdkTest {

  private Sandbox sandbox;
  private AzureResourceManager azure;

  @BeforeEach
  void start() throws Exception {
    sandbox = SandboxClients.start(60);
    azure = new SandboxClients(sandbox).azure();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  @Test
  void sdkPowersAVmOffAndOnAndSeesThePowerStateChange() {
    VirtualMachine vm = azure.virtualMachines().getByResourceGroup("rg-shop-weu", "vm-web-weu-1");
    assertThat(vm.powerState()).isEqualTo(PowerState.RUNNING);
    assertThat(vm.tags()).containsEntry("chaos", "allowed");
    assertThat(vm.getPrimaryNetworkInterface().primaryPrivateIP()).isEqualTo("10.10.1.4");

    vm.powerOff();
    vm.refreshInstanceView();
    assertThat(vm.powerState()).isEqualTo(PowerState.STOPPED);

    vm.start();
    vm.refreshInstanceView();
    assertThat(vm.powerState()).isEqualTo(PowerState.RUNNING);

    assertThat(azure.virtualMachines().listByResourceGroup("rg-shop-weu").stream().map(VirtualMachine::name))
        .containsExactlyInAnyOrder("vm-web-weu-1", "vm-web-weu-2");
    assertThat(azure.virtualMachines().list().stream().count()).isEqualTo(4);
  }

  @Test
  void sdkAddsAndRemovesOneNsgRule() {
    var rules = azure.networkSecurityGroups().manager().serviceClient().getSecurityRules();
    SecurityRuleInner deny = new SecurityRuleInner().withProtocol(SecurityRuleProtocol.TCP)
        .withAccess(SecurityRuleAccess.DENY).withDirection(SecurityRuleDirection.OUTBOUND).withPriority(110)
        .withSourceAddressPrefix("10.10.1.0/24").withSourcePortRange("*")
        .withDestinationAddressPrefix("10.10.2.0/24").withDestinationPortRanges(List.of("1433"))
        .withDescription("gameday: cut sql");

    SecurityRuleInner created = rules.createOrUpdate("rg-shop-weu", "nsg-app", "gameday-deny-sql", deny);
    assertThat(created.provisioningState().toString()).isEqualTo("Succeeded");
    assertThat(created.destinationPortRanges()).containsExactly("1433");

    NetworkSecurityGroup nsg = azure.networkSecurityGroups().getByResourceGroup("rg-shop-weu", "nsg-app");
    assertThat(nsg.securityRules()).containsKey("gameday-deny-sql");
    assertThat(nsg.securityRules().get("gameday-deny-sql").access()).isEqualTo(SecurityRuleAccess.DENY);

    rules.delete("rg-shop-weu", "nsg-app", "gameday-deny-sql");
    assertThat(rules.list("rg-shop-weu", "nsg-app").stream().map(SecurityRuleInner::name))
        .containsExactly("AllowHttpInbound");
  }
}
