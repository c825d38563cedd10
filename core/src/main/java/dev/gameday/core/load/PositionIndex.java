package dev.gameday.core.load;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of the converted tree came from: JSON pointer to the position of the value,
 * and to the position of its key for mapping entries. Built while converting the YAML tree.
 */
final class PositionIndex {
  private final Map<String, Position> values = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();

  void value(String pointer, Position p) {
    values.putIfAbsent(pointer, p);
  }

  void key(String pointer, Position p) {
    keys.putIfAbsent(pointer, p);
  }

  /** The position of the finding's node (or key); else the nearest enclosing node's. */
  Position locate(String pointer, boolean atKey) {
    if (atKey && keys.containsKey(pointer)) {
      return keys.get(pointer);
    }
    String p = pointer;
    while (true) {
      Position found = values.get(p);
      if (found != null) {
        return found;
      }
      if (p.isEmpty()) {
        return Position.START;
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }
}
