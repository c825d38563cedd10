package dev.gameday.notify;

import dev.gameday.core.notify.Notice;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Sample notices of one run. */
final class Notices {
  static final Instant AT = Instant.parse("2026-11-30T02:00:00Z");
  static final Notice.Run RUN = new Notice.Run("shop-web-vm-poweroff", "Shop web power-off",
      Optional.of("shop-sre"), "20261130T020000Z-shop-web-vm-poweroff");

  private Notices() {}

  static Notice.Started started() {
    return new Notice.Started(RUN, AT, "gameday-ci");
  }

  static Notice.RevertFailed revertFailed() {
    return new Notice.RevertFailed(RUN, AT.plusSeconds(300), "web-power-off",
        "/subscriptions/s/resourceGroups/rg-shop-weu/providers/Microsoft.Compute/virtualMachines/web1",
        "the start did not complete within PT15M",
        "az vm start --ids /subscriptions/s/resourceGroups/rg-shop-weu/providers/Microsoft.Compute/virtualMachines/web1");
  }

  static Notice.Finished finished() {
    return new Notice.Finished(RUN, AT.plusSeconds(600), "OBJECTIVES_MISSED", 1,
        "objectives missed: maxApplicationGap (limit 90 s, owner application) <b>&</b>",
        List.of(new Notice.Figure("web-power-off", "platform recovery", "48.0 s", "Azure",
                Optional.empty()),
            new Notice.Figure("web-power-off", "application recovery gap", "95.0 s",
                "application", Optional.of("MISSED"))),
        Optional.of("gameday-runs/20261130T020000Z-shop-web-vm-poweroff/report.html"));
  }
}
