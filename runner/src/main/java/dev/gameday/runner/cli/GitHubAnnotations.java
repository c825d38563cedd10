package dev.gameday.runner.cli;

import dev.gameday.core.load.Problem;
import java.util.function.Function;

/**
 * GitHub Actions workflow commands for located problems: in a GitHub Actions job
 * ({@code GITHUB_ACTIONS=true}) each {@code validate} problem is also printed as
 * {@code ::error file=F,line=L,col=C,title=T::message}, which GitHub shows on that line of the
 * file in the run and in a pull request's diff. Escaped as GitHub's toolkit does: {@code %},
 * CR and LF in the message; also {@code :} and {@code ,} in properties.
 */
final class GitHubAnnotations {
  private GitHubAnnotations() {}

  static boolean active(Function<String, String> env) {
    return "true".equalsIgnoreCase(env.apply("GITHUB_ACTIONS"));
  }

  static String error(Problem p) {
    return "::error file=" + property(p.file()) + ",line=" + p.line() + ",col=" + p.column()
        + ",title=" + property("gameday validate") + "::"
        + data(p.message() + p.hint().map(h -> " (hint: " + h + ")").orElse(""));
  }

  private static String data(String s) {
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
