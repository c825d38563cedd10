package dev.gameday.azure.fault;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.azure.arm.Json;
import dev.gameday.core.model.FaultAction.NsgDeny;
import dev.gameday.core.model.FaultAction.Protocol;
import java.util.List;

/**
 * The body of one deny rule as ARM wants it: single-valued properties for one prefix or port
 * range ({@code sourceAddressPrefix}), plural ones for several ({@code sourceAddressPrefixes}),
 * {@code *} for any, and {@code Any} spelt {@code *}.
 */
final class NsgRule {
  private NsgRule() {}

  static ObjectNode body(NsgDeny deny, int priority, String description) {
    ObjectNode props = Json.object();
    props.put("description", description.length() > 140 ? description.substring(0, 140)
        : description);
    props.put("protocol", deny.protocol() == Protocol.Any ? "*" : deny.protocol().name());
    props.put("access", "Deny");
    props.put("direction", deny.direction().name());
    props.put("priority", priority);
    put(props, "sourceAddressPrefix", "sourceAddressPrefixes", deny.from());
    props.put("sourcePortRange", "*");
    put(props, "destinationAddressPrefix", "destinationAddressPrefixes", deny.to());
    put(props, "destinationPortRange", "destinationPortRanges", deny.ports());
    ObjectNode body = Json.object();
    body.set("properties", props);
    return body;
  }

  private static void put(ObjectNode props, String single, String plural, List<String> values) {
    if (values.size() == 1) {
      props.put(single, values.get(0));
    } else {
      props.set(plural, Json.array(values));
    }
  }

  /** A one-line summary of the rule for events and dry runs. */
  static String summary(NsgDeny deny) {
    return "Deny " + deny.direction() + " " + (deny.protocol() == Protocol.Any ? "*"
        : deny.protocol().name()) + " from " + String.join(",", deny.from()) + " to "
        + String.join(",", deny.to()) + " ports " + String.join(",", deny.ports());
  }
}
