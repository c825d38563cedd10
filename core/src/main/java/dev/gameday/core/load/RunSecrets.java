package dev.gameday.core.load;

import dev.gameday.core.model.Experiment;
import dev.gameday.core.model.HttpRequestSpec;
import dev.gameday.core.model.ProbeSpec;
import dev.gameday.core.redact.Secrets;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects every secret value a loaded experiment resolved: values taken from the environment,
 * the passwords in probe URLs' user-info (the user name stays readable) and the values of
 * secret headers (whole, and the credential after a scheme word such as {@code Bearer}).
 *
 * <p>Environment values under {@code /azure}, {@code /targets} and {@code /faults} are not
 * scrubbed from the run's text: they are Azure identifiers (a subscription id, a resource group)
 * that the journal must name so that a crashed run can be reverted and a report says what was
 * touched. The experiment copy still holds their placeholders, never the values.
 */
final class RunSecrets {
  /** Pointer prefixes of Azure identifiers, which the journal records as they are. */
  private static final List<String> IDENTIFIERS = List.of("/azure/", "/targets/", "/faults/");

  private RunSecrets() {}

  static Secrets of(Experiment experiment, Map<String, Set<String>> envValues) {
    Set<String> values = new LinkedHashSet<>();
    envValues.forEach((pointer, v) -> {
      if (IDENTIFIERS.stream().noneMatch(pointer::startsWith)) {
        values.addAll(v);
      }
    });
    for (ProbeSpec p : experiment.steadyState().probes()) {
      HttpRequestSpec http = p.http();
      values.addAll(userInfo(http.url()));
      http.secretHeaders().forEach(name -> values.addAll(headerValue(http.headers().get(name))));
    }
    return Secrets.of(values);
  }

  /** Literal passwords in probe URLs: the text of the experiment copy loses them too. */
  static Set<String> urlPasswords(Experiment experiment) {
    Set<String> out = new LinkedHashSet<>();
    experiment.steadyState().probes().forEach(p -> out.addAll(userInfo(p.http().url())));
    return out;
  }

  private static Set<String> userInfo(URI url) {
    String raw = url.getRawUserInfo();
    if (raw == null || raw.isEmpty()) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    int colon = raw.indexOf(':');
    if (colon >= 0) {
      String password = raw.substring(colon + 1);
      out.add(password);
      out.add(URLDecoder.decode(password, StandardCharsets.UTF_8));
    }
    return out;
  }

  private static Set<String> headerValue(String value) {
    if (value == null) {
      return Set.of();
    }
    Set<String> out = new LinkedHashSet<>();
    out.add(value);
    int space = value.indexOf(' ');
    if (space > 0 && space < value.length() - 1) {
      out.add(value.substring(space + 1).strip());
    }
    return out;
  }
}
