package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.SandboxFault;
import dev.gameday.sandbox.internal.Simulation;
import dev.gameday.sandbox.internal.world.JobHalt;
import dev.gameday.sandbox.internal.world.SiteRecovery;
import java.util.function.Supplier;

/**
 * The sandbox's own test knobs under {@code /_sandbox} (no token needed): inject faults, dump the
 * world, reset it.
 */
final class AdminApi {

  static final String PREFIX = "/_sandbox";

  private final Faults faults;
  private final Supplier<Simulation> simulation;
  private final Runnable reset;

  AdminApi(Faults faults, Supplier<Simulation> simulation, Runnable reset) {
    this.faults = faults;
    this.simulation = simulation;
    this.reset = reset;
  }

  ArmResponse handle(ArmRequest request) {
    String route = request.method() + " " + request.path();
    return switch (route) {
      case "POST /_sandbox/faults" -> addFault(request.json());
      case "GET /_sandbox/faults" -> {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        faults.pending().forEach(p -> list.add(json(p)));
        yield ArmResponse.ok(list);
      }
      case "DELETE /_sandbox/faults" -> {
        faults.clear();
        yield ArmResponse.empty(204);
      }
      case "POST /_sandbox/jobHalts" -> haltNextJob(request.json());
      case "PUT /_sandbox/identity" -> identity(request.json());
      case "GET /_sandbox/state" -> ArmResponse.ok(simulation.get().state());
      case "POST /_sandbox/reset" -> {
        reset.run();
        yield ArmResponse.empty(204);
      }
      default -> ArmResponse.error(404, "NotFound", "Unknown sandbox admin call " + route + ". Known: POST/GET/DELETE "
          + "/_sandbox/faults, POST /_sandbox/jobHalts, PUT /_sandbox/identity, GET /_sandbox/state, POST /_sandbox/reset.");
    };
  }

  private ArmResponse addFault(JsonNode body) {
    try {
      SandboxFault fault = new SandboxFault(body.path("match").asText(null),
          SandboxFault.Mode.parse(body.path("mode").asText("")), body.path("count").asInt(1),
          body.path("retryAfterSeconds").asInt(1), body.path("hangSeconds").asInt(30));
      return ArmResponse.of(201, json(faults.add(fault)));
    } catch (IllegalArgumentException | NullPointerException e) {
      return ArmResponse.error(400, "InvalidFault", "Bad fault: " + e.getMessage() + ". Expected {\"match\":\"<METHOD>"
          + " <path regex>\",\"mode\":\"throttle|error|hang|reset\",\"count\":N,\"retryAfterSeconds\":S,"
          + "\"hangSeconds\":S}.");
    }
  }

  private ArmResponse haltNextJob(JsonNode body) {
    Simulation sim = simulation.get();
    try {
      SiteRecovery.PlannedHalt halt = new SiteRecovery.PlannedHalt(body.path("operation").asText(""),
          body.path("task").asText(""), JobHalt.State.parse(body.path("state").asText("")));
      synchronized (sim.world()) {
        sim.siteRecovery().haltNext(halt);
      }
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      node.put("operation", halt.operation()).put("task", halt.task()).put("state", halt.state().name());
      return ArmResponse.of(201, node);
    } catch (IllegalArgumentException e) {
      return ArmResponse.error(400, "InvalidJobHalt", "Bad job halt: " + e.getMessage() + ". Expected {\"operation\":"
          + "\"TestFailover\",\"task\":\"Finalize\",\"state\":\"Suspended|Failed|Cancelled\"}.");
    }
  }

  private ArmResponse identity(JsonNode body) {
    if (!body.path("actions").isArray()) {
      return ArmResponse.error(400, "InvalidIdentity", "Expected {\"actions\":[\"Microsoft.Compute/virtualMachines/read\","
          + " ...]}.");
    }
    java.util.List<String> actions = new java.util.ArrayList<>();
    body.path("actions").forEach(a -> actions.add(a.asText()));
    Simulation sim = simulation.get();
    synchronized (sim.world()) {
      sim.world().grant(new dev.gameday.sandbox.internal.world.Grant(actions));
    }
    return ArmResponse.empty(204);
  }

  private static ObjectNode json(Faults.Pending p) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", p.id());
    node.put("match", p.fault().match());
    node.put("mode", p.fault().mode().name().toLowerCase(java.util.Locale.ROOT));
    node.put("count", p.fault().count());
    node.put("remaining", p.remaining());
    node.put("retryAfterSeconds", p.fault().retryAfterSeconds());
    node.put("hangSeconds", p.fault().hangSeconds());
    return node;
  }
}
