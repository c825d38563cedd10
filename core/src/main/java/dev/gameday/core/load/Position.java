package dev.gameday.core.load;

/** A place in the source text, 1-based line and column. */
record Position(int line, int column) {
  static final Position START = new Position(1, 1);

  static Position of(org.yaml.snakeyaml.error.Mark mark) {
    return mark == null ? START : new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }
}
