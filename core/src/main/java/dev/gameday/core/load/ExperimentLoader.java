package dev.gameday.core.load;

import dev.gameday.core.digest.Sha256;
import dev.gameday.core.model.Experiment;
import dev.gameday.core.redact.Secrets;
import dev.gameday.core.window.CronSchedule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Loads an experiment file: decodes it strictly, parses the YAML keeping line and column,
 * interpolates {@code ${env:...}}, validates it against the JSON Schema and the semantic rules,
 * and builds the {@link Experiment}. Reports every problem at once, each located, and never
 * throws for a user's mistake. Values taken from the environment never appear in a message.
 */
public final class ExperimentLoader {

  private final Function<String, String> env;
  private final SchemaCheck schema;
  private final List<SemanticCheck> checks;

  /** {@code env} looks up environment variables ({@code System::getenv} in production). */
  public ExperimentLoader(Function<String, String> env) {
    this.env = Objects.requireNonNull(env, "env");
    this.schema = new SchemaCheck();
    this.checks = List.of(new DocumentCheck(), new WindowCheck(ExperimentLoader::cronProblem), new AzureCheck(),
        new TargetCheck(), new ProbeCheck(), new FaultCheck(), new ObjectivesCheck(), new NotifyCheck());
  }

  /** Loads the file; relative paths inside it are resolved against its folder. */
  public LoadResult load(Path file) {
    String name = file.toString();
    try {
      if (Files.isDirectory(file)) {
        return invalid(name, "this is a folder, not an experiment file", null);
      }
      if (Files.size(file) > SourceDecoder.MAX_BYTES) {
        return invalid(name, SourceDecoder.tooLarge(Files.size(file)), SourceDecoder.TOO_LARGE_HINT);
      }
      return load(name, Files.readAllBytes(file), baseDir(file));
    } catch (java.nio.file.NoSuchFileException e) {
      return invalid(name, "no such file", "check the path");
    } catch (java.nio.file.AccessDeniedException e) {
      return invalid(name, "permission denied reading the file", null);
    } catch (IOException e) {
      return invalid(name, "cannot read the file: " + e.getClass().getSimpleName(), null);
    }
  }

  /** Loads content that did not come from a file path (tests, stdin). */
  public LoadResult load(String displayName, byte[] content, Path baseDir) {
    try {
      return loadChecked(displayName, content, baseDir);
    } catch (RuntimeException e) {
      return invalid(displayName, "internal error while loading the experiment (" + e.getClass().getSimpleName()
          + "); please report this with the file", null);
    }
  }

  private LoadResult loadChecked(String file, byte[] content, Path baseDir) {
    SourceDecoder.Decoded decoded = SourceDecoder.decode(content);
    if (decoded.text() == null) {
      return new LoadResult.Invalid(decoded.problems().stream().map(p -> problem(file, p, Set.of())).toList());
    }
    YamlTree tree = new YamlTreeReader(new EnvInterpolator(env)).read(decoded.text());
    List<Problem> problems = new ArrayList<>();
    tree.syntaxProblems().forEach(p -> problems.add(problem(file, p, tree.secretValues())));
    if (tree.root() == null) {
      return new LoadResult.Invalid(sorted(problems));
    }
    CheckContext ctx = new CheckContext(tree.root(), tree.secretPointers());
    checks.forEach(c -> c.check(ctx));
    List<Finding> findings = preferClearest(List.of(tree.findings(), ctx.findings(),
        schema.check(tree.root(), tree.secretPointers()::contains)));
    for (Finding f : findings) {
      Position pos = tree.positions().locate(f.pointer(), f.atKey());
      problems.add(problem(file, new Finding.Located(pos, f.message(), f.hint().orElse(null)), tree.secretValues()));
    }
    if (!problems.isEmpty()) {
      return new LoadResult.Invalid(sorted(problems));
    }
    Experiment experiment;
    try {
      experiment = new ExperimentBinder(tree.root(), baseDir, tree.envPointers()).bind();
    } catch (RuntimeException e) {
      return invalid(file, scrub("the experiment is inconsistent: " + e.getMessage(), tree.secretValues()), null);
    }
    Set<String> hidden = new LinkedHashSet<>(tree.secretValues());
    hidden.addAll(RunSecrets.urlPasswords(experiment));
    return new LoadResult.Loaded(experiment, scrub(decoded.text(), hidden), Sha256.hex(content),
        RunSecrets.of(experiment, tree.envValues()));
  }

  /**
   * Keeps, for each pointer, only the findings of the first group that has any there: problems of
   * the tree itself (e.g. a missing variable) beat the semantic checks, which beat the schema.
   */
  private static List<Finding> preferClearest(List<List<Finding>> groups) {
    Map<String, Integer> owner = new HashMap<>();
    for (int g = 0; g < groups.size(); g++) {
      for (Finding f : groups.get(g)) {
        owner.putIfAbsent(place(f), g);
      }
    }
    Set<Finding> out = new LinkedHashSet<>();
    for (int g = 0; g < groups.size(); g++) {
      for (Finding f : groups.get(g)) {
        if (owner.get(place(f)) == g) {
          out.add(f);
        }
      }
    }
    return List.copyOf(out);
  }

  private static String place(Finding f) {
    return f.atKey() ? f.pointer() + "#key" : f.pointer();
  }

  private static List<Problem> sorted(List<Problem> problems) {
    return problems.stream().distinct()
        .sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column)).toList();
  }

  private static Problem problem(String file, Finding.Located p, Set<String> secrets) {
    return new Problem(file, p.position().line(), p.position().column(), scrub(p.message(), secrets),
        Optional.ofNullable(p.hint()).map(h -> scrub(h, secrets)));
  }

  static String scrub(String text, Set<String> secrets) {
    return Secrets.of(secrets).scrub(text);
  }

  private static LoadResult invalid(String file, String message, String hint) {
    return new LoadResult.Invalid(List.of(new Problem(file, 1, 1, message, Optional.ofNullable(hint))));
  }

  private static Path baseDir(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of("").toAbsolutePath() : parent;
  }

  private static Optional<String> cronProblem(String expression) {
    try {
      CronSchedule.parse(expression);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

}
