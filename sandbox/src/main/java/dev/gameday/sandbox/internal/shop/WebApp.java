package dev.gameday.sandbox.internal.shop;

import dev.gameday.sandbox.internal.world.AddressPrefix;
import dev.gameday.sandbox.internal.world.Ipv4;
import dev.gameday.sandbox.internal.world.NetworkSecurityGroup;
import dev.gameday.sandbox.internal.world.NsgEvaluator;
import dev.gameday.sandbox.internal.world.VirtualMachine;
import dev.gameday.sandbox.internal.world.World;
import java.time.Instant;
import java.util.Optional;

/**
 * The shop application on one VM. It answers only while the VM is running and warmed up, and its
 * checkout needs a database connection that the NSGs on the way must allow. With connection
 * pooling, an open connection keeps working across new deny rules until it has been idle for the
 * pool timeout, or the NSG flushes connections on rule changes.
 */
final class WebApp {

  /** Where user traffic seems to come from (an Internet address). */
  static final int CLIENT_IP = Ipv4.parse("203.0.113.10");

  private final World world;
  private final VirtualMachine vm;
  private final int databaseIp;
  private final int databasePort;
  private final String database;
  private Instant connectionOpenedAt;
  private Instant connectionUsedAt;
  private long orders;

  WebApp(World world, VirtualMachine vm, String database) {
    this.world = world;
    this.vm = vm;
    this.database = database;
    int colon = database.lastIndexOf(':');
    this.databaseIp = Ipv4.parse(database.substring(0, colon));
    this.databasePort = Integer.parseInt(database.substring(colon + 1));
  }

  String name() {
    return vm.name();
  }

  VirtualMachine vm() {
    return vm;
  }

  /** Whether a health probe from the Azure load-balancer address gets a 200 at {@code t}. */
  boolean probeHealthy(Instant t) {
    return serving(t) && world.connect(AddressPrefix.AZURE_LOAD_BALANCER, vm.privateIp(), 80, t).allowed();
  }

  private boolean serving(Instant t) {
    return vm.runningFor(t, world.delays().appWarmUp());
  }

  /** The app's answer, or empty when nothing answers (VM down, app warming up, traffic blocked). */
  Optional<Reply> serve(String path, Instant t) {
    if (!serving(t) || !world.connect(CLIENT_IP, vm.privateIp(), 80, t).allowed()) {
      return Optional.empty();
    }
    Reply reply = switch (path) {
      case "/", "/index.html" -> Reply.of(200, "text/html; charset=utf-8", page());
      case "/health" -> Reply.json(200, "{\"status\":\"UP\",\"vm\":\"" + vm.name() + "\",\"region\":\""
          + vm.location() + "\"}");
      case "/checkout" -> checkout(t);
      default -> Reply.text(404, "not found: " + path);
    };
    return Optional.of(reply.withHeader("X-Served-By", vm.name()));
  }

  private String page() {
    return "<!doctype html><html><head><title>Gameday Shop</title></head><body>"
        + "<h1>Gameday Shop</h1><p>Served by " + vm.name() + " (" + vm.location() + ")</p><ul>"
        + "<li>Chaos monkey plush, 12.00 EUR <button>Add to cart</button></li>"
        + "<li>Failover fondue set, 49.00 EUR <button>Add to cart</button></li>"
        + "</ul><a href=\"/checkout\">Checkout</a></body></html>\n";
  }

  private Reply checkout(Instant t) {
    if (pooledConnectionAlive(t)) {
      connectionUsedAt = t;
      return confirmed();
    }
    connectionOpenedAt = null;
    NsgEvaluator.Verdict verdict = world.connect(vm.privateIp(), databaseIp, databasePort, t);
    if (!verdict.allowed()) {
      return Reply.json(503, "{\"status\":\"error\",\"reason\":\"database " + database
              + " unreachable: connection timed out\"}")
          .withHeader("X-Sandbox-Blocked-By", verdict.nsg() + "/" + verdict.rule());
    }
    if (world.delays().connectionPooling()) {
      connectionOpenedAt = t;
      connectionUsedAt = t;
    }
    return confirmed();
  }

  private boolean pooledConnectionAlive(Instant t) {
    if (connectionOpenedAt == null || !world.delays().connectionPooling()) {
      return false;
    }
    Instant running = vm.power().runningSince(t);
    if (running == null || running.isAfter(connectionOpenedAt)) {
      return false;
    }
    if (!t.isBefore(connectionUsedAt.plus(world.delays().poolIdleTimeout()))) {
      return false;
    }
    return !(flushed(world.nsgFor(vm.privateIp()), t) || flushed(world.nsgFor(databaseIp), t));
  }

  private boolean flushed(Optional<NetworkSecurityGroup> nsg, Instant t) {
    return nsg.isPresent() && nsg.get().flushConnection() && nsg.get().changedBetween(connectionOpenedAt, t);
  }

  private Reply confirmed() {
    orders++;
    return Reply.json(200, "{\"status\":\"confirmed\",\"order\":\"" + vm.name() + "-" + orders + "\",\"database\":\""
        + database + "\"}");
  }
}
