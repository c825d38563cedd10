package dev.gameday.probes.loop;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Looks a host name up for a new connection of the loop client. Called on a virtual thread, never
 * on the loop (a lookup may block for seconds); each new connection looks its host up again, as
 * OkHttp does, so a probe follows a DNS change (a failover) once its connection is reopened.
 */
@FunctionalInterface
public interface Resolver {
  /** The system's resolver (and the JDK's cache of its answers). */
  Resolver SYSTEM = InetAddress::getByName;

  InetAddress resolve(String host) throws UnknownHostException;
}
