package dev.gameday.probes.loop;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Looks a host name up for a new connection of the loop client. Called on a virtual thread, never
 * on the loop (a lookup may block for seconds); each new connection looks its host up again, as
 * OkHttp does, so a probe follows a DNS change (a failover) once its connection is reopened.
 * All of the host's addresses, in the order tried: one that refuses is passed for the next.
 */
@FunctionalInterface
public interface Resolver {
  /** The system's resolver (and the JDK's cache of its answers), in the JDK's order. */
  Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  List<InetAddress> resolve(String host) throws UnknownHostException;
}
