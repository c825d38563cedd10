package dev.gameday.azure.arm;

/** The HTTP methods Gameday sends to ARM. */
public enum HttpVerb {
  GET, PUT, POST, DELETE, PATCH;

  /** True when sending the request twice has the same effect as sending it once. */
  public boolean idempotent() {
    return this == GET || this == PUT || this == DELETE;
  }
}
