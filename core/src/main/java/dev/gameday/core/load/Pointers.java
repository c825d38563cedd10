package dev.gameday.core.load;

/** RFC 6901 JSON pointer building. */
final class Pointers {
  private Pointers() {}

  static String child(String parent, String key) {
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** The last segment of a pointer, unescaped. */
  static String lastKey(String pointer) {
    String last = pointer.substring(pointer.lastIndexOf('/') + 1);
    return last.replace("~1", "/").replace("~0", "~");
  }

  /** A pointer as a YAML path for messages: {@code faults[0].hold}. */
  static String display(String pointer) {
    if (pointer.isEmpty()) {
      return "the document";
    }
    StringBuilder out = new StringBuilder();
    for (String raw : pointer.substring(1).split("/", -1)) {
      String seg = raw.replace("~1", "/").replace("~0", "~");
      if (seg.chars().allMatch(Character::isDigit) && !seg.isEmpty()) {
        out.append('[').append(seg).append(']');
      } else {
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(seg);
      }
    }
    return out.toString();
  }
}
