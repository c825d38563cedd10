package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.sandbox.internal.world.NetworkSecurityGroup;
import dev.gameday.sandbox.internal.world.Operations.Operation;
import dev.gameday.sandbox.internal.world.ResourceName;
import dev.gameday.sandbox.internal.world.SecurityRule;
import dev.gameday.sandbox.internal.world.VirtualMachine;
import dev.gameday.sandbox.internal.world.VirtualNetwork;
import dev.gameday.sandbox.internal.world.WorldConfig;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code Microsoft.Network}: NSGs and their security rules, virtual networks, subnets and NICs. */
final class NetworkApi {

  private static final String NSGS = "/providers/Microsoft\\.Network/networkSecurityGroups";
  private static final String NSG = Route.RG + NSGS + "/(?<nsg>[^/]+)";
  private static final String RULE = NSG + "/securityRules/(?<rule>[^/]+)";
  private static final String VNETS = "/providers/Microsoft\\.Network/virtualNetworks";
  private static final String VNET = Route.RG + VNETS + "/(?<vnet>[^/]+)";
  private static final String NICS = "/providers/Microsoft\\.Network/networkInterfaces";

  private NetworkApi() {
  }

  static List<Route> routes() {
    ApiVersions v = ApiVersions.NETWORK;
    return List.of(
        Route.of("GET", Route.RG + NSGS, v, call -> {
          call.requireResourceGroup();
          return ArmResponse.list(call.world().nsgs().stream()
              .filter(n -> n.id().resourceGroup().equalsIgnoreCase(call.group("rg")))
              .map(n -> NetworkJson.nsg(n, call.now())).toList());
        }),
        Route.of("GET", Route.SUB + NSGS, v, call -> {
          call.requireSubscription();
          return ArmResponse.list(call.world().nsgs().stream().map(n -> NetworkJson.nsg(n, call.now())).toList());
        }),
        Route.of("GET", NSG, v, call -> ArmResponse.ok(NetworkJson.nsg(nsg(call), call.now()))),
        Route.of("PUT", NSG, v, NetworkApi::putNsg),
        Route.of("PATCH", NSG, v, NetworkApi::patchNsg),
        Route.of("GET", NSG + "/securityRules", v, call -> {
          NetworkSecurityGroup nsg = nsg(call);
          return ArmResponse.list(nsg.rules(call.now()).stream()
              .map(r -> NetworkJson.rule(nsg, r.rule(), r.provisioningState(), false)).toList());
        }),
        Route.of("GET", NSG + "/defaultSecurityRules", v, call -> {
          NetworkSecurityGroup nsg = nsg(call);
          return ArmResponse.list(SecurityRule.defaults().stream()
              .map(r -> NetworkJson.rule(nsg, r, "Succeeded", true)).toList());
        }),
        Route.of("GET", RULE, v, NetworkApi::getRule),
        Route.of("PUT", RULE, v, NetworkApi::putRule),
        Route.of("DELETE", RULE, v, NetworkApi::deleteRule),
        Route.of("GET", Route.RG + VNETS, v, call -> {
          call.requireResourceGroup();
          return ArmResponse.list(call.world().vnets().stream()
              .filter(n -> n.id().resourceGroup().equalsIgnoreCase(call.group("rg")))
              .map(n -> NetworkJson.vnet(n, call.world())).toList());
        }),
        Route.of("GET", Route.SUB + VNETS, v, call -> {
          call.requireSubscription();
          return ArmResponse.list(call.world().vnets().stream().map(n -> NetworkJson.vnet(n, call.world())).toList());
        }),
        Route.of("GET", VNET, v, call -> ArmResponse.ok(NetworkJson.vnet(vnet(call), call.world()))),
        Route.of("GET", VNET + "/subnets", v, call -> {
          VirtualNetwork vnet = vnet(call);
          return ArmResponse.list(vnet.subnets().stream().map(s -> NetworkJson.subnet(vnet, s, call.world())).toList());
        }),
        Route.of("GET", VNET + "/subnets/(?<subnet>[^/]+)", v, call -> {
          VirtualNetwork vnet = vnet(call);
          VirtualNetwork.Subnet subnet = vnet.subnet(call.group("subnet")).orElseThrow(() -> notFound(call,
              "virtualNetworks/" + vnet.id().name() + "/subnets", call.group("subnet")));
          return ArmResponse.ok(NetworkJson.subnet(vnet, subnet, call.world()));
        }),
        Route.of("GET", Route.RG + NICS, v, call -> {
          call.requireResourceGroup();
          return ArmResponse.list(call.world().vms().stream()
              .filter(vm -> vm.id().resourceGroup().equalsIgnoreCase(call.group("rg")))
              .map(vm -> NetworkJson.nic(vm, call.world())).toList());
        }),
        Route.of("GET", Route.RG + NICS + "/(?<nic>[^/]+)", v, call -> {
          call.requireResourceGroup();
          VirtualMachine vm = call.world().vms().stream()
              .filter(x -> x.nic().key().equals(ResourceName.key(call.group("rg"), call.group("nic"))))
              .findFirst().orElseThrow(() -> notFound(call, "networkInterfaces", call.group("nic")));
          return ArmResponse.ok(NetworkJson.nic(vm, call.world()));
        }));
  }

  static ArmException notFound(ArmCall call, String type, String name) {
    return ArmException.notFound("ResourceNotFound", "The Resource 'Microsoft.Network/" + type + "/" + name
        + "' under resource group '" + call.group("rg") + "' was not found. For more details please go to "
        + "https://aka.ms/ARMResourceNotFoundFix");
  }

  private static NetworkSecurityGroup nsg(ArmCall call) {
    call.requireResourceGroup();
    return call.world().nsg(call.group("rg"), call.group("nsg"))
        .orElseThrow(() -> notFound(call, "networkSecurityGroups", call.group("nsg")));
  }

  private static VirtualNetwork vnet(ArmCall call) {
    call.requireResourceGroup();
    return call.world().vnet(call.group("rg"), call.group("vnet"))
        .orElseThrow(() -> notFound(call, "virtualNetworks", call.group("vnet")));
  }

  private static ArmResponse getRule(ArmCall call) {
    NetworkSecurityGroup nsg = nsg(call);
    NetworkSecurityGroup.RuleView view = nsg.rule(call.group("rule"), call.now()).orElseThrow(() -> notFound(call,
        "networkSecurityGroups/" + nsg.id().name() + "/securityRules", call.group("rule")));
    return ArmResponse.ok(NetworkJson.rule(nsg, view.rule(), view.provisioningState(), false));
  }

  /**
   * {@code If-Match}: a write names the etag it read; another one means the NSG changed meanwhile,
   * 412 {@code PreconditionFailed} (a missing header or {@code *} always matches).
   */
  private static void ifMatch(ArmCall call, NetworkSecurityGroup nsg) {
    String expected = call.request().ifMatch();
    if (expected != null && !expected.trim().equals("*") && !expected.trim().equals(nsg.etag())) {
      throw new ArmException(412, "PreconditionFailed", "Operation failed because the etag " + expected.trim()
          + " in the If-Match header does not match the current etag " + nsg.etag() + " of resource "
          + nsg.id().id() + ".");
    }
  }

  private static ArmResponse putRule(ArmCall call) {
    NetworkSecurityGroup nsg = nsg(call);
    ifMatch(call, nsg);
    Instant now = call.now();
    JsonNode body = call.request().json();
    SecurityRule rule = parseRule(call, call.group("rule"), body.path("properties"));
    checkConflicts(nsg, List.of(rule), now, false);
    boolean exists = nsg.rule(rule.name(), now).filter(r -> !r.provisioningState().equals("Deleting")).isPresent();
    Instant done = now.plus(call.world().delays().ruleCreate());
    nsg.change(rule.name(), rule, now, done);
    Operation op = call.world().operations().start("SecurityRulePut", nsg.location(), now, done);
    ArmResponse response = ArmResponse.of(exists ? 200 : 201, NetworkJson.rule(nsg, rule, "Updating", false));
    return LongRunningOperations.networkAsync(call, op, response, false);
  }

  private static ArmResponse deleteRule(ArmCall call) {
    NetworkSecurityGroup nsg = nsg(call);
    ifMatch(call, nsg);
    Instant now = call.now();
    if (nsg.rule(call.group("rule"), now).isEmpty()) {
      return ArmResponse.empty(204);
    }
    Instant done = now.plus(call.world().delays().ruleDelete());
    nsg.change(call.group("rule"), null, now, done);
    Operation op = call.world().operations().start("SecurityRuleDelete", nsg.location(), now, done);
    return LongRunningOperations.networkAsync(call, op, ArmResponse.empty(202), true);
  }

  /** Full NSG PUT: the body's rules replace the NSG's rules; also sets tags and flushConnection. */
  private static ArmResponse putNsg(ArmCall call) {
    call.requireResourceGroup();
    NetworkSecurityGroup nsg = call.world().nsg(call.group("rg"), call.group("nsg")).orElseThrow(() ->
        ArmException.badRequest("OperationNotSupported", "The sandbox does not create network security groups; "
            + "only existing ones can be updated."));
    ifMatch(call, nsg);
    Instant now = call.now();
    JsonNode body = call.request().json();
    JsonNode props = body.path("properties");
    List<SecurityRule> rules = new ArrayList<>();
    for (JsonNode r : props.path("securityRules")) {
      rules.add(parseRule(call, r.path("name").asText(null), r.path("properties")));
    }
    checkConflicts(nsg, rules, now, true);
    Instant done = now.plus(call.world().delays().nsgUpdate());
    Set<String> kept = new HashSet<>();
    for (SecurityRule rule : rules) {
      kept.add(rule.key());
      boolean same = nsg.rule(rule.name(), now).map(v -> v.rule().equals(rule) && !v.provisioningState()
          .equals("Deleting")).orElse(false);
      if (!same) {
        nsg.change(rule.name(), rule, now, done);
      }
    }
    for (NetworkSecurityGroup.RuleView existing : nsg.rules(now)) {
      if (!kept.contains(existing.rule().key()) && !existing.provisioningState().equals("Deleting")) {
        nsg.change(existing.rule().name(), null, now, done);
      }
    }
    applyTagsAndFlush(nsg, body);
    nsg.written();
    nsg.markUpdating(done);
    Operation op = call.world().operations().start("NetworkSecurityGroupPut", nsg.location(), now, done);
    return LongRunningOperations.networkAsync(call, op, ArmResponse.ok(NetworkJson.nsg(nsg, now)), false);
  }

  private static ArmResponse patchNsg(ArmCall call) {
    NetworkSecurityGroup nsg = nsg(call);
    ifMatch(call, nsg);
    applyTagsAndFlush(nsg, call.request().json());
    nsg.written();
    return ArmResponse.ok(NetworkJson.nsg(nsg, call.now()));
  }

  private static void applyTagsAndFlush(NetworkSecurityGroup nsg, JsonNode body) {
    JsonNode tags = body.path("tags");
    if (tags.isObject()) {
      nsg.tags().clear();
      tags.properties().forEach(e -> nsg.tags().put(e.getKey(), e.getValue().asText()));
    }
    JsonNode flush = body.path("properties").path("flushConnection");
    if (flush.isBoolean()) {
      nsg.flushConnection(flush.booleanValue());
    } else if (!flush.isMissingNode() && !flush.isNull()) {
      throw ArmException.badRequest("InvalidRequestFormat", "flushConnection must be a boolean.");
    }
  }

  private static SecurityRule parseRule(ArmCall call, String name, JsonNode properties) {
    if (!properties.isObject()) {
      throw ArmException.badRequest("InvalidRequestFormat", "Cannot parse the request: security rule '" + name
          + "' has no 'properties' object.");
    }
    WorldConfig.Rule in;
    try {
      in = call.request().mapper().readerFor(WorldConfig.Rule.class)
          .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(properties);
    } catch (IOException e) {
      throw ArmException.badRequest("InvalidRequestFormat", "Cannot parse the request: " + ArmRequest.firstLine(e));
    }
    return SecurityRule.validate(name, in);
  }

  /** Rules cannot share a priority in one direction (ARM's 400 SecurityRuleConflict). */
  private static void checkConflicts(NetworkSecurityGroup nsg, List<SecurityRule> incoming, Instant now,
      boolean replacesAll) {
    Map<String, String> taken = new HashMap<>();
    if (!replacesAll) {
      Set<String> incomingNames = new HashSet<>();
      incoming.forEach(r -> incomingNames.add(r.key()));
      for (NetworkSecurityGroup.RuleView v : nsg.rules(now)) {
        if (!incomingNames.contains(v.rule().key()) && !v.provisioningState().equals("Deleting")) {
          taken.put(v.rule().direction() + "/" + v.rule().priority(), v.rule().name());
        }
      }
    }
    Set<String> names = new HashSet<>();
    for (SecurityRule rule : incoming) {
      if (!names.add(rule.key())) {
        throw ArmException.badRequest("InvalidRequestFormat", "Security rule name " + rule.name() + " is used twice.");
      }
      String other = taken.putIfAbsent(rule.direction() + "/" + rule.priority(), rule.name());
      if (other != null) {
        throw ArmException.badRequest("SecurityRuleConflict", "Security rule " + rule.name() + " conflicts with rule "
            + other + ". Rules cannot have the same Priority and Direction. To learn more, see aka.ms/nsgrules.");
      }
    }
  }
}
