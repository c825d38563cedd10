package dev.gameday.sandbox.internal.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** An ARM answer; {@code body} null means no content. */
public record ArmResponse(int status, Map<String, String> headers, JsonNode body) {

  public ArmResponse {
    headers = new LinkedHashMap<>(headers);
  }

  public static ArmResponse ok(JsonNode body) {
    return new ArmResponse(200, Map.of(), body);
  }

  public static ArmResponse of(int status, JsonNode body) {
    return new ArmResponse(status, Map.of(), body);
  }

  public static ArmResponse empty(int status) {
    return new ArmResponse(status, Map.of(), null);
  }

  public ArmResponse header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new ArmResponse(status, h, body);
  }

  /** {@code {"error":{"code","message"}}}. */
  public static ArmResponse error(int status, String code, String message) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.putObject("error").put("code", code).put("message", message);
    return of(status, root);
  }

  /** {@code {"value":[...]}}, the shape of every ARM list. */
  public static ArmResponse list(Iterable<? extends JsonNode> items) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    var value = root.putArray("value");
    items.forEach(value::add);
    return ok(root);
  }
}
