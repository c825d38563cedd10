package dev.gameday.azure.target;

import dev.gameday.core.model.TargetSpec.Pick;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Chooses among a target's matches: all of them, {@code count} of them or {@code percent} of
 * them (rounded up, at least one). The matches are sorted by ID and shuffled with
 * {@code new Random(seed)}, so the same seed and the same matches give the same choice.
 */
public final class Picker {
  private final LongSupplier seedWhenUnset;

  /** @param seedWhenUnset seed used when the experiment gives none (the choice is journaled) */
  public Picker(LongSupplier seedWhenUnset) {
    this.seedWhenUnset = seedWhenUnset;
  }

  public List<ResolvedResource> pick(List<ResolvedResource> matches, Pick pick) {
    List<ResolvedResource> sorted = new ArrayList<>(matches);
    sorted.sort(Comparator.comparing(r -> r.id().toLowerCase(Locale.ROOT)));
    return switch (pick) {
      case Pick.All all -> List.copyOf(sorted);
      case Pick.Count c -> take(sorted, Math.min(c.count(), sorted.size()), c.seed());
      case Pick.Percent p -> take(sorted, Math.min(sorted.size(),
          Math.max(1, (int) Math.ceil(sorted.size() * p.percent() / 100.0))), p.seed());
    };
  }

  private List<ResolvedResource> take(List<ResolvedResource> sorted, int n, Optional<Long> seed) {
    java.util.Collections.shuffle(sorted, new Random(seed.orElseGet(seedWhenUnset::getAsLong)));
    return List.copyOf(sorted.subList(0, n));
  }
}
