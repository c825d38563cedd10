package dev.gameday.core.journal;

import dev.gameday.core.event.TimelineEvent;

/** One event as read back from a journal, with its sequence number (the evidence id). */
public record JournalEntry(long seq, TimelineEvent event) {}
