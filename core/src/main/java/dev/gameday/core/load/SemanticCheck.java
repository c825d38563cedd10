package dev.gameday.core.load;

/** One group of rules the schema cannot express (references, ranges, formats, combinations). */
interface SemanticCheck {
  void check(CheckContext ctx);
}
