package dev.gameday.sandbox.internal.shop;

import java.time.Instant;

/** Something that answers shop HTTP requests at an instant: a load balancer or the front door. */
public interface Endpoint {

  Reply handle(String method, String path, Instant now);
}
