package dev.gameday.azure;

import com.azure.core.credential.TokenCredential;
import dev.gameday.azure.arm.ApiVersions;
import dev.gameday.azure.arm.ArmClient;
import dev.gameday.azure.arm.ArmException;
import dev.gameday.azure.arm.ArmRequest;
import dev.gameday.azure.arm.ResourceId;
import dev.gameday.azure.connection.AzureConnection;
import dev.gameday.azure.fault.FaultContext;
import dev.gameday.azure.fault.NsgDenyFault;
import dev.gameday.azure.fault.PauseFault;
import dev.gameday.azure.fault.SiteRecoveryFault;
import dev.gameday.azure.fault.VmAction;
import dev.gameday.azure.fault.VmPowerFault;
import dev.gameday.azure.sweep.LeftoverSweeper;
import dev.gameday.azure.target.Guards;
import dev.gameday.azure.target.PermissionCheck;
import dev.gameday.azure.target.Picker;
import dev.gameday.azure.target.RequiredActions;
import dev.gameday.azure.target.ResolvedResource;
import dev.gameday.azure.target.TargetResolver;
import dev.gameday.core.event.EventListener;
import dev.gameday.core.model.AzureSettings;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.FaultAction;
import dev.gameday.core.model.FaultStep;
import dev.gameday.core.model.Safety;
import dev.gameday.core.model.TargetSpec;
import dev.gameday.core.port.Fault;
import dev.gameday.core.port.Platform;
import dev.gameday.core.port.PlatformException;
import dev.gameday.core.port.RunClock;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Azure behind the core {@link Platform} port: resolves targets, checks the guards and
 * permissions, and builds the VM, NSG and Site Recovery faults, all over one
 * {@link AzureConnection} and one resilient {@link ArmClient}.
 */
public final class AzurePlatform implements Platform {
  private final AzureConnection connection;
  private final Safety safety;
  private final RunClock clock;
  private final ArmClient arm;
  private final FaultContext faults;
  private final Guards guards;
  private final TargetResolver resolver;

  /** For the experiment's cloud, with the credentials found in the environment. */
  public AzurePlatform(AzureSettings settings, Safety safety, RunClock clock,
      AzureOptions options) {
    this(AzureConnection.fromSettings(settings, options.resilience().callTimeout(),
        System::getenv), safety, clock, options);
  }

  /** Over a connection built elsewhere (tests, the sandbox). */
  public AzurePlatform(AzureConnection connection, Safety safety, RunClock clock,
      AzureOptions options) {
    this.connection = connection;
    this.safety = safety;
    this.clock = clock;
    this.arm = new ArmClient(connection.pipeline(), connection.endpoint(), options.resilience());
    this.faults = new FaultContext(arm, clock, options.pollInterval(),
        connection.endpoint().toString());
    this.guards = new Guards(safety, connection.subscription());
    this.resolver = new TargetResolver(arm, connection.subscription(),
        new Picker(clock::nanoTime));
  }

  /**
   * For a custom ARM endpoint such as the local sandbox: trusts {@code caFile} and authenticates
   * with {@code credential} (for the sandbox a
   * {@link dev.gameday.azure.connection.FixedTokenCredential}).
   */
  public static AzurePlatform forEndpoint(URI endpoint, Path caFile, String tenant,
      String subscription, TokenCredential credential, Safety safety, RunClock clock,
      AzureOptions options) {
    return new AzurePlatform(AzureConnection.custom(endpoint, Optional.ofNullable(caFile),
        tenant, subscription, credential, options.resilience().callTimeout()), safety, clock,
        options);
  }

  /** The ARM client, for tools that need more than the port (sweep). */
  public ArmClient arm() {
    return arm;
  }

  public String subscription() {
    return connection.subscription();
  }

  /**
   * How long this platform's credential lasts (asks Entra ID for a token).
   *
   * @throws RuntimeException when no token can be had (preflight reports that itself)
   */
  public dev.gameday.azure.connection.CredentialLifetime credentialLifetime() {
    return connection.lifetime();
  }

  /** The leftover sweeper over this platform's connection. */
  public LeftoverSweeper sweeper() {
    return new LeftoverSweeper(arm);
  }

  @Override
  public Map<String, List<String>> resolveTargets(Experiment experiment)
      throws PlatformException {
    Map<String, List<ResolvedResource>> resolved = new LinkedHashMap<>();
    for (TargetSpec spec : experiment.targets().values().stream()
        .sorted(java.util.Comparator.comparing(TargetSpec::name)).toList()) {
      resolved.put(spec.name(), resolver.resolve(spec));
    }
    guards.check(resolved);
    Map<String, List<String>> ids = new LinkedHashMap<>();
    resolved.forEach((k, v) -> ids.put(k, v.stream().map(ResolvedResource::id).toList()));
    return ids;
  }

  @Override
  public void preflight(Experiment experiment, Map<String, List<String>> targets,
      EventListener events) throws PlatformException {
    Map<String, Set<String>> needs = new LinkedHashMap<>();
    Map<String, Set<String>> recommended = new LinkedHashMap<>();
    for (FaultStep step : experiment.faults()) {
      Set<String> actions = RequiredActions.of(step.action());
      for (String scope : scopes(step, targets)) {
        needs.computeIfAbsent(scope, s -> new LinkedHashSet<>()).addAll(actions);
        recommended.computeIfAbsent(scope, s -> new LinkedHashSet<>())
            .addAll(RequiredActions.recommended(step.action()));
      }
    }
    if (safety.checkPermissions() && !needs.isEmpty()) {
      new PermissionCheck(arm, clock).verify(needs, recommended, events);
    }
  }

  /** The resource-group scopes a step acts in, checking they are allowed and exist. */
  private List<String> scopes(FaultStep step, Map<String, List<String>> targets)
      throws PlatformException {
    String sub = connection.subscription();
    try {
      return switch (step.action()) {
        case FaultAction.VmPowerOff a -> vmScopes(step, a.targetName(), targets);
        case FaultAction.VmDeallocate a -> vmScopes(step, a.targetName(), targets);
        case FaultAction.VmRestart a -> vmScopes(step, a.targetName(), targets);
        case FaultAction.NsgDeny n -> {
          String nsgId = switch (n.nsg()) {
            case FaultAction.NsgRef.ByName b -> ResourceId.resourceGroupScope(sub,
                b.resourceGroup()) + "/providers/Microsoft.Network/networkSecurityGroups/"
                + b.name();
            case FaultAction.NsgRef.BySubnet s -> NsgDenyFault.nsgOfSubnet(arm, sub, s)
                .orElseThrow(() -> new PlatformException(
                    "step '" + step.name() + "': subnet " + s.subnet() + " of "
                        + s.virtualNetwork() + " has no network security group attached"));
          };
          guards.checkScope("step '" + step.name() + "'", nsgId);
          exists(step, nsgId, ApiVersions.NETWORK);
          yield List.of(ResourceId.parse(nsgId).resourceGroupScope());
        }
        case FaultAction.SiteRecoveryFailover f -> {
          String plan = ResourceId.resourceGroupScope(sub, f.vaultResourceGroup())
              + "/providers/Microsoft.RecoveryServices/vaults/" + f.vaultName()
              + "/replicationRecoveryPlans/" + f.recoveryPlan();
          guards.checkScope("step '" + step.name() + "'", plan);
          exists(step, plan, ApiVersions.SITE_RECOVERY);
          yield List.of(ResourceId.resourceGroupScope(sub, f.vaultResourceGroup()));
        }
        case FaultAction.Pause p -> List.of();
      };
    } catch (ArmException e) {
      throw new PlatformException("step '" + step.name() + "': " + e.getMessage(), e);
    }
  }

  private void exists(FaultStep step, String id, String apiVersion) throws PlatformException {
    if (arm.find(ArmRequest.get(id, apiVersion)).isEmpty()) {
      throw new PlatformException("step '" + step.name() + "': " + id + " does not exist (or"
          + " the identity cannot see it)");
    }
  }

  private static List<String> vmScopes(FaultStep step, String target,
      Map<String, List<String>> targets) throws PlatformException {
    List<String> ids = targets.get(target);
    if (ids == null) {
      throw new PlatformException("step '" + step.name() + "': target '" + target
          + "' was not resolved");
    }
    return ids.stream().map(id -> ResourceId.parse(id).resourceGroupScope()).distinct().toList();
  }

  @Override
  public Fault fault(FaultStep step, Map<String, List<String>> targets, String runId) {
    String sub = connection.subscription();
    return switch (step.action()) {
      case FaultAction.VmPowerOff a -> new VmPowerFault(step.name(), VmAction.POWER_OFF,
          a.skipShutdown(), ids(targets, a.targetName()), faults);
      case FaultAction.VmDeallocate a -> new VmPowerFault(step.name(), VmAction.DEALLOCATE,
          a.hibernate(), ids(targets, a.targetName()), faults);
      case FaultAction.VmRestart a -> new VmPowerFault(step.name(), VmAction.RESTART, false,
          ids(targets, a.targetName()), faults);
      case FaultAction.NsgDeny n -> new NsgDenyFault(step.name(), n, sub, runId,
          step.hold().plus(step.recoveryTimeout()), faults);
      case FaultAction.SiteRecoveryFailover f -> new SiteRecoveryFault(step.name(), f, sub,
          runId, faults);
      case FaultAction.Pause p -> new PauseFault(step.name());
    };
  }

  private static List<String> ids(Map<String, List<String>> targets, String name) {
    List<String> ids = targets.get(name);
    if (ids == null) {
      throw new IllegalArgumentException("target '" + name + "' was not resolved");
    }
    return ids;
  }

  @Override
  public Map<String, String> operator() {
    return connection.operator();
  }
}
