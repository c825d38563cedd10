package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.sandbox.internal.world.PowerState;
import dev.gameday.sandbox.internal.world.VirtualMachine;
import java.time.Instant;
import java.util.List;

/**
 * {@code Microsoft.ResourceHealth/availabilityStatuses/current} of a VM, derived from its power
 * state; 403 {@code AuthorizationFailed} when the world's grant lacks
 * {@code Microsoft.ResourceHealth/AvailabilityStatuses/current/read}.
 */
final class ResourceHealthApi {

  private ResourceHealthApi() {
  }

  static List<Route> routes() {
    return List.of(Route.of("GET", Route.RG + "/providers/Microsoft\\.Compute/virtualMachines/(?<vm>[^/]+)"
        + "/providers/Microsoft\\.ResourceHealth/availabilityStatuses/current", ApiVersions.RESOURCE_HEALTH,
        ResourceHealthApi::current));
  }

  /** The action Azure checks for {@code availabilityStatuses/current} of one resource. */
  static final String CURRENT_READ = "Microsoft.ResourceHealth/AvailabilityStatuses/current/read";

  private static ArmResponse current(ArmCall call) {
    VirtualMachine vm = VirtualMachinesApi.vm(call);
    AuthorizationApi.authorize(call.world().grant(), CURRENT_READ, vm.id().id());
    Instant now = call.now();
    PowerState state = vm.power().at(now);
    Instant since = vm.power().since(now);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("id", vm.id().id() + "/providers/Microsoft.ResourceHealth/availabilityStatuses/current");
    node.put("name", "current");
    node.put("type", "Microsoft.ResourceHealth/AvailabilityStatuses");
    node.put("location", vm.location());
    ObjectNode p = node.putObject("properties");
    boolean available = state == PowerState.RUNNING;
    p.put("availabilityState", available ? "Available" : "Unavailable");
    p.put("title", available ? "Available" : switch (state) {
      case STOPPED -> "Stopped";
      case DEALLOCATED -> "Stopped and deallocated";
      case STARTING -> "Starting";
      default -> "Stopping";
    });
    p.put("summary", available ? "There aren't any known Azure platform problems affecting this virtual machine."
        : "This virtual machine is " + state.name().toLowerCase(java.util.Locale.ROOT)
            + " as requested by an authorized user or process.");
    if (!available) {
      p.put("reasonType", "Customer Initiated");
      p.put("reasonChronicity", "Persistent");
    }
    p.put("occuredTime", ArmTime.format(since.isAfter(Instant.EPOCH) ? since : vm.timeCreated()));
    p.put("reportedTime", ArmTime.format(now));
    return ArmResponse.ok(node);
  }
}
