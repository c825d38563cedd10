package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.world.Operations.Operation;
import dev.gameday.sandbox.internal.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * ARM's asynchronous-operation contract: 202/200/201 with {@code Azure-AsyncOperation},
 * {@code Location} and {@code Retry-After}, and the status and result URLs they point to.
 */
public final class LongRunningOperations {

  private LongRunningOperations() {
  }

  /** Base of a provider's per-location operation URLs. */
  static String locationBase(ArmRequest request, World world, String namespace, String location) {
    return request.baseUrl() + "/subscriptions/" + world.subscriptionId() + "/providers/" + namespace + "/locations/"
        + location;
  }

  /** 202 for a compute action: status at {@code operations/{id}}, result at {@code operations/{id}?monitor=true}. */
  public static ArmResponse computeAccepted(ArmCall call, Operation op) {
    String base = locationBase(call.request(), call.world(), "Microsoft.Compute", op.location()) + "/operations/"
        + op.id();
    String v = "api-version=" + call.request().apiVersion();
    return withHeaders(ArmResponse.empty(202), call, op, base + "?" + v, base + "?monitor=true&" + v);
  }

  /** Network PUT/DELETE answer: status at {@code operations/{id}}, result at {@code operationResults/{id}}. */
  public static ArmResponse networkAsync(ArmCall call, Operation op, ArmResponse response, boolean withLocation) {
    String base = locationBase(call.request(), call.world(), "Microsoft.Network", op.location());
    String v = "?api-version=" + call.request().apiVersion();
    return withHeaders(response, call, op, base + "/operations/" + op.id() + v,
        withLocation ? base + "/operationResults/" + op.id() + v : null);
  }

  /** Site Recovery action: status at {@code replicationOperationStatus/{id}}, result at {@code replicationOperationResults/{id}}. */
  public static ArmResponse siteRecoveryAccepted(ArmCall call, String vaultId, Operation op) {
    String base = call.request().baseUrl() + vaultId;
    String v = "?api-version=" + call.request().apiVersion();
    return withHeaders(ArmResponse.empty(202), call, op, base + "/replicationOperationStatus/" + op.id() + v,
        base + "/replicationOperationResults/" + op.id() + v);
  }

  private static ArmResponse withHeaders(ArmResponse response, ArmCall call, Operation op, String status,
      String location) {
    ArmResponse r = response.header("Azure-AsyncOperation", status)
        .header("Retry-After", Long.toString(retryAfter(call, op)));
    return location == null ? r : r.header("Location", location);
  }

  static long retryAfter(ArmCall call, Operation op) {
    Duration left = Duration.between(call.now(), op.endTime());
    return call.world().delays().retryAfterSeconds(left.isNegative() ? Duration.ZERO : left);
  }

  /** The operation-status body: {@code {"name","status","startTime","endTime","error"}}. */
  public static ObjectNode statusBody(Operation op, Instant now) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("name", op.id());
    node.put("status", op.statusAt(now));
    node.put("startTime", ArmTime.format(op.startTime()));
    if (op.doneAt(now)) {
      node.put("endTime", ArmTime.format(op.endTime()));
      if (op.errorCode() != null) {
        node.putObject("error").put("code", op.errorCode()).put("message", op.errorMessage());
      }
    }
    return node;
  }

  static Operation find(ArmCall call) {
    return call.world().operations().find(call.group("id")).orElseThrow(() -> ArmException.notFound(
        "OperationNotFound", "The operation '" + call.group("id") + "' could not be found."));
  }

  /** A result URL: 202 with Retry-After until done, then {@code done} applied to the operation. */
  static ArmResponse result(ArmCall call, Function<Operation, ArmResponse> done) {
    Operation op = find(call);
    if (!op.doneAt(call.now())) {
      String self = call.request().baseUrl() + call.request().path() + "?" + queryOf(call.request());
      return ArmResponse.empty(202).header("Location", self).header("Retry-After", Long.toString(retryAfter(call, op)));
    }
    if (op.errorCode() != null) {
      return ArmResponse.error(409, op.errorCode(), op.errorMessage());
    }
    return done.apply(op);
  }

  private static String queryOf(ArmRequest request) {
    return String.join("&", request.query().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
  }

  /** Routes of the operation-status URLs handed out by compute and network. */
  public static List<Route> routes() {
    return List.of(
        Route.of("GET", Route.SUB + "/providers/Microsoft\\.Compute/locations/(?<loc>[^/]+)/operations/(?<id>[^/]+)",
            ApiVersions.ANY, LongRunningOperations::computeOperation),
        Route.of("GET", Route.SUB + "/providers/Microsoft\\.Network/locations/(?<loc>[^/]+)/operations/(?<id>[^/]+)",
            ApiVersions.ANY, LongRunningOperations::status),
        Route.of("GET", Route.SUB
                + "/providers/Microsoft\\.Network/locations/(?<loc>[^/]+)/operationResults/(?<id>[^/]+)",
            ApiVersions.ANY, call -> result(call, op -> ArmResponse.empty(204))));
  }

  private static ArmResponse computeOperation(ArmCall call) {
    if ("true".equalsIgnoreCase(call.request().param("monitor"))) {
      return result(call, op -> ArmResponse.empty(200));
    }
    return status(call);
  }

  /** The status body; while in progress with a Retry-After, as ARM sends. */
  static ArmResponse status(ArmCall call) {
    Operation op = find(call);
    ArmResponse response = ArmResponse.ok(statusBody(op, call.now()));
    return op.doneAt(call.now()) ? response : response.header("Retry-After", Long.toString(retryAfter(call, op)));
  }
}
