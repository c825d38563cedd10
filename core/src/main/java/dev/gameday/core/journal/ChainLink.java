package dev.gameday.core.journal;

import dev.gameday.core.digest.Sha256;

/**
 * The running end of a journal's hash chain: the SHA-256 of the last line written (its bytes
 * without the newline), which the next line carries as {@code "prev"}. Not thread-safe; a writer
 * serializes its appends.
 */
public final class ChainLink {
  private String prev;

  private ChainLink(String prev) {
    this.prev = prev;
  }

  /** The link after {@code line[from, to)}, the last line on disk. */
  public static ChainLink after(byte[] line, int from, int to) {
    return new ChainLink(Sha256.hex(line, from, to));
  }

  /** The hash the next line must carry as {@code "prev"}. */
  public String prev() {
    return prev;
  }

  /** Records that {@code line} (without its newline) was written. */
  public void advance(byte[] line) {
    prev = Sha256.hex(line);
  }

  /** Records that {@code line[from, to)} (without its newline) was written. */
  public void advance(byte[] line, int from, int to) {
    prev = Sha256.hex(line, from, to);
  }
}
