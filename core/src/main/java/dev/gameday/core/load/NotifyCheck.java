package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gameday.core.model.Notification;
import java.util.List;
import java.util.Locale;

/**
 * {@code notify:}: each entry names exactly one receiver; its URL and a webhook's signing secret
 * come from the environment (a webhook URL is a credential: whoever holds it can post to the
 * channel); URLs are https (plain http only to this host, for a local relay); a signed webhook
 * has a secret long enough to sign with, and only a webhook has one.
 */
final class NotifyCheck implements SemanticCheck {
  static final List<String> CHANNELS = List.of("teams", "slack", "webhook");

  @Override
  public void check(CheckContext ctx) {
    JsonNode list = ctx.at("/notify");
    for (int i = 0; i < list.size(); i++) {
      String p = Pointers.child("/notify", i);
      if (!list.get(i).isObject()) {
        continue;
      }
      List<String> present = ctx.presentKeys(p, CHANNELS);
      if (present.size() != 1) {
        ctx.report(p, Pointers.display(p) + " needs exactly one of teams, slack or webhook"
            + (present.isEmpty() ? "" : " (found " + String.join(" and ", present) + ")"),
            "one receiver per entry: - teams: \"${env:GAMEDAY_TEAMS_WEBHOOK}\"");
        continue;
      }
      String channel = present.getFirst();
      String urlAt = Pointers.child(p, channel);
      fromEnvironment(ctx, urlAt, "a webhook URL is a credential: whoever holds it can post to"
          + " the channel", "\"${env:GAMEDAY_" + channel.toUpperCase(Locale.ROOT) + "_URL}\"");
      url(ctx, urlAt);
      String secretAt = Pointers.child(p, "secret");
      boolean secret = ctx.at(secretAt).isTextual();
      if (channel.equals("webhook") && !secret) {
        ctx.report(p, Pointers.display(p) + " is a signed webhook and needs secret, the HMAC-SHA256"
            + " key its receiver checks", "secret: \"${env:GAMEDAY_WEBHOOK_SECRET}\"");
      } else if (!channel.equals("webhook") && secret) {
        ctx.report(secretAt, Pointers.display(secretAt) + " applies only to a signed webhook, not to "
            + channel, "leave it out: " + channel + " checks nothing but its URL");
      } else if (secret) {
        fromEnvironment(ctx, secretAt, "a signing secret in the file would sign anybody's payload",
            "\"${env:GAMEDAY_WEBHOOK_SECRET}\"");
        ctx.text(secretAt).filter(s -> s.length() < Notification.MIN_SECRET_LENGTH).ifPresent(s ->
            ctx.report(secretAt, Pointers.display(secretAt) + " is " + s.length() + " characters long;"
                + " a signing secret needs at least " + Notification.MIN_SECRET_LENGTH,
                "e.g. openssl rand -hex 32"));
      }
    }
  }

  private static void fromEnvironment(CheckContext ctx, String pointer, String why, String example) {
    if (ctx.at(pointer).isTextual() && !ctx.isSecret(pointer)) {
      ctx.report(pointer, Pointers.display(pointer) + " must come from the environment: " + why,
          "write " + example + " and set the variable where the run starts");
    }
  }

  private static void url(CheckContext ctx, String pointer) {
    ctx.text(pointer).flatMap(Notification::urlProblem).ifPresent(problem ->
        ctx.report(pointer, Pointers.display(pointer) + " " + problem));
  }
}
