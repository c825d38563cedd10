package dev.gameday.azure.target;

import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmClient;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.Json;
import dev.gameday.azure.arm.ServiceClients;
import dev.gameday.core.model.TargetSpec;
import dev.gameday.core.port.PlatformException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link TargetSpec} into resource IDs: explicit IDs (each checked to exist), a resource
 * group filtered by tags, or a Resource Graph query; then {@link Picker} chooses among them.
 * Writes nothing. IDs are read with azure-resourcemanager-resources ({@code getById}) and a
 * resource group's VMs listed with azure-resourcemanager-compute, both typed clients on the
 * {@link ArmClient}'s pipeline; the Resource Graph query is a direct call (no library of its
 * own among the ones Gameday ships).
 */
public final class TargetResolver {
  private static final int MAX_PAGES = 50;

  private final ArmClient arm;
  private final String subscription;
  private final Picker picker;
  private final ServiceClients services;

  public TargetResolver(ArmClient arm, String subscription, Picker picker) {
    this.arm = arm;
    this.subscription = subscription;
    this.picker = picker;
    this.services = arm.services(subscription);
  }

  /** The chosen resources of a target. */
  public List<ResolvedResource> resolve(TargetSpec spec) throws PlatformException {
    List<ResolvedResource> matches = matches(spec);
    if (matches.isEmpty()) {
      throw new TargetNotFound(spec.name(), "matched no " + spec.type().yamlName() + " ("
          + where(spec) + ")");
    }
    return picker.pick(matches, spec.pick());
  }

  /** Every resource the target matches, before picking. */
  public List<ResolvedResource> matches(TargetSpec spec) throws PlatformException {
    try {
      if (!spec.ids().isEmpty()) {
        return byIds(spec);
      }
      if (spec.query().isPresent()) {
        return byQuery(spec.query().get());
      }
      if (spec.resourceGroup().isPresent()) {
        return byGroup(spec);
      }
    } catch (ArmException e) {
      throw new PlatformException("target '" + spec.name() + "': " + e.getMessage(), e);
    }
    throw new TargetNotFound(spec.name(), "give ids, resourceGroup (with tags) or query");
  }

  private static String where(TargetSpec spec) {
    if (spec.query().isPresent()) {
      return "query " + spec.query().get();
    }
    return "resource group " + spec.resourceGroup().orElse("?")
        + (spec.tags().isEmpty() ? "" : " with tags " + spec.tags());
  }

  private List<ResolvedResource> byIds(TargetSpec spec) throws PlatformException {
    List<ResolvedResource> out = new ArrayList<>();
    for (String id : spec.ids()) {
      String apiVersion = apiVersion(spec);
      Optional<GenericResourceInner> r = arm.findCall(ArmRequest.get(id, apiVersion),
          () -> services.resources().getResources().getByIdAsync(pathParameter(id), apiVersion));
      if (r.isEmpty()) {
        throw new TargetNotFound(spec.name(), "resource " + id + " does not exist (or the"
            + " identity cannot see it)");
      }
      out.add(new ResolvedResource(Optional.ofNullable(r.get().id()).orElse(id),
          tags(r.get().tags())));
    }
    return out;
  }

  /**
   * The id as {@code getById}'s {@code /{resourceId}} path parameter: without its leading slash,
   * else the SDK would send {@code //subscriptions/...}.
   */
  static String pathParameter(String id) {
    return id.startsWith("/") ? id.substring(1) : id;
  }

  private static String apiVersion(TargetSpec spec) {
    return switch (spec.type()) {
      case VIRTUAL_MACHINE -> ApiVersions.COMPUTE;
    };
  }

  /** {@code GET .../resourceGroups/{rg}/providers/Microsoft.Compute/virtualMachines}. */
  static ArmRequest listRequest(String subscription, TargetSpec spec) {
    return ArmRequest.get("/subscriptions/" + subscription + "/resourceGroups/"
        + spec.resourceGroup().orElseThrow() + "/providers/" + spec.type().armType(),
        apiVersion(spec));
  }

  private List<ResolvedResource> byGroup(TargetSpec spec) {
    List<ResolvedResource> out = new ArrayList<>();
    for (ResolvedResource r : inGroup(spec)) {
      if (hasTags(r.tags(), spec.tags())) {
        out.add(r);
      }
    }
    return out;
  }

  /** Every resource of the target's type in its resource group, with its tags. */
  private List<ResolvedResource> inGroup(TargetSpec spec) {
    String group = spec.resourceGroup().orElseThrow();
    return switch (spec.type()) {
      case VIRTUAL_MACHINE -> arm.pages(listRequest(subscription, spec),
              services.compute().getVirtualMachines().listByResourceGroupAsync(group)).stream()
          .map(vm -> new ResolvedResource(vm.id(), tags(vm.tags()))).toList();
    };
  }

  /** The Resource Graph request for a query over the experiment's subscription. */
  static ArmRequest queryRequest(String subscription, String query, Optional<String> skipToken) {
    ObjectNode body = Json.object();
    body.set("subscriptions", Json.array(List.of(subscription)));
    body.put("query", query);
    ObjectNode options = Json.object();
    options.put("resultFormat", "objectArray");
    skipToken.ifPresent(t -> options.put("$skipToken", t));
    body.set("options", options);
    return ArmRequest.post("/providers/Microsoft.ResourceGraph/resources",
        ApiVersions.RESOURCE_GRAPH, body).asReadOnlyQuery();
  }

  private List<ResolvedResource> byQuery(String query) {
    List<ResolvedResource> out = new ArrayList<>();
    Optional<String> skip = Optional.empty();
    for (int i = 0; i < MAX_PAGES; i++) {
      JsonNode body = arm.send(queryRequest(subscription, query, skip)).body();
      for (JsonNode row : Json.elements(body, "/data")) {
        if (row.hasNonNull("id")) {
          out.add(new ResolvedResource(row.get("id").asText(), tags(row)));
        }
      }
      skip = Json.text(body, "/$skipToken");
      if (skip.isEmpty()) {
        break;
      }
    }
    return out;
  }

  private static Map<String, String> tags(Map<String, String> tags) {
    return tags == null ? Map.of() : new HashMap<>(tags);
  }

  static Map<String, String> tags(JsonNode resource) {
    Map<String, String> tags = new HashMap<>();
    resource.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    return tags;
  }

  /** Tag names compare case-insensitively (as in ARM), values exactly. */
  static boolean hasTags(Map<String, String> tags, Map<String, String> wanted) {
    for (var w : wanted.entrySet()) {
      boolean found = tags.entrySet().stream().anyMatch(t ->
          t.getKey().toLowerCase(Locale.ROOT).equals(w.getKey().toLowerCase(Locale.ROOT))
              && t.getValue().equals(w.getValue()));
      if (!found) {
        return false;
      }
    }
    return true;
  }
}
