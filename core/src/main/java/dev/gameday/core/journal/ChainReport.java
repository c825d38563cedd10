package dev.gameday.core.journal;

import java.util.List;
import java.util.Map;

/**
 * What walking a journal's hash chain found. {@code lines} counts every line read, the header
 * included; {@code checkpoints} holds the SHA-256 of the lines that the caller asked about (an
 * evidence record names the last line it covered), for lines that exist.
 */
public sealed interface ChainReport {
  int version();

  long lines();

  Map<Long, String> checkpoints();

  /** Every line follows the one before it. {@code notes} name lines torn by a crash and continued after. */
  record Intact(int version, long lines, String head, List<String> notes,
      Map<Long, String> checkpoints) implements ChainReport {}

  /**
   * Every complete line follows the one before it, but the last line was cut short: a run killed
   * while writing, not an edit.
   */
  record Truncated(int version, long lines, String head, String message,
      Map<Long, String> checkpoints) implements ChainReport {}

  /** The chain breaks at {@code line}; every line before it is as written. */
  record Broken(int version, long lines, long line, String message,
      Map<Long, String> checkpoints) implements ChainReport {}

  /** A journal from before the hash chain (format version 1): nothing to walk. */
  record Unchained(int version, long lines, String head, Map<Long, String> checkpoints)
      implements ChainReport {}
}
