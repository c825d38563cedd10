package dev.gameday.core.load;

import dev.gameday.core.model.Experiment;
import java.util.regex.Pattern;

/** {@code apiVersion}, {@code kind} and the metadata name. */
final class DocumentCheck implements SemanticCheck {
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  @Override
  public void check(CheckContext ctx) {
    ctx.text("/apiVersion").filter(v -> !v.equals(Experiment.API_VERSION)).ifPresent(v ->
        ctx.report("/apiVersion", "unknown apiVersion " + ctx.shown("/apiVersion") + "; known versions: "
            + Experiment.API_VERSION, "write apiVersion: " + Experiment.API_VERSION));
    ctx.text("/kind").filter(v -> !v.equals("Experiment")).ifPresent(v ->
        ctx.report("/kind", "kind must be Experiment, not " + ctx.shown("/kind")));
    ctx.text("/metadata/name").filter(v -> !SLUG.matcher(v).matches()).ifPresent(v ->
        ctx.report("/metadata/name", "metadata.name must be a slug (a-z, 0-9 and -, at most 63 characters, "
            + "no - at either end), not " + ctx.shown("/metadata/name"), "e.g. shop-web-vm-poweroff"));
  }
}
