package dev.gameday.core.load;

import java.util.Optional;

/**
 * A problem found in the parsed tree, located by JSON pointer; {@code atKey} places it on the
 * key of that entry rather than its value. Becomes a {@link Problem} once located in the source.
 */
record Finding(String pointer, boolean atKey, String message, Optional<String> hint) {

  static Finding at(String pointer, String message) {
    return new Finding(pointer, false, message, Optional.empty());
  }

  static Finding at(String pointer, String message, String hint) {
    return new Finding(pointer, false, message, Optional.ofNullable(hint));
  }

  /** A problem already located in the source (found before or while parsing). */
  record Located(Position position, String message, String hint) {}

  static Finding atKey(String pointer, String message, Optional<String> hint) {
    return new Finding(pointer, true, message, hint);
  }
}
