package dev.gameday.reports.analysis;

import java.time.Instant;
import java.util.Optional;

/**
 * The six moments of one fault on the two timelines (UTC); each is empty when it did not happen
 * (or the journal does not say). {@code changeRequested} is when the request that changes Azure
 * was about to be sent (after Gameday's own look-ups); {@code effective} and
 * {@code platformRestored} are Azure's instants ({@link PlatformInstant#at()}). {@code end} is
 * where the step's part of the timeline ends.
 */
public record Moments(Optional<Instant> requested, Optional<Instant> changeRequested,
    Optional<Instant> effective,
    Optional<Instant> firstFailed, Optional<Instant> revertRequested,
    Optional<Instant> platformRestored, Optional<Instant> applicationRestored,
    Optional<Instant> start, Optional<Instant> end) {}
