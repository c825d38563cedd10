package dev.gameday.reports.evidence;

/**
 * The journal's hash chain is broken: a line was changed, removed, inserted or moved after it
 * was written. Nothing is rendered or recorded over such a journal; the message names the line.
 */
public final class BrokenJournalException extends RuntimeException {
  public BrokenJournalException(String message) {
    super(message);
  }
}
