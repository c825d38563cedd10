package dev.gameday.azure.target;

import java.util.Locale;
import java.util.regex.Pattern;

/** An RBAC action pattern ({@code Microsoft.Compute/*}, {@code *}/read): case-insensitive glob. */
final class ActionPattern {
  private ActionPattern() {}

  static boolean matches(String pattern, String action) {
    StringBuilder re = new StringBuilder();
    for (String part : pattern.toLowerCase(Locale.ROOT).split("\\*", -1)) {
      if (!re.isEmpty()) {
        re.append(".*");
      }
      re.append(Pattern.quote(part));
    }
    return Pattern.matches(re.toString(), action.toLowerCase(Locale.ROOT));
  }
}
