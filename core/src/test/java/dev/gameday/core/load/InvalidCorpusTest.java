package dev.gameday.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the invalid corpus in src/test/resources/invalid: each {@code NAME.yaml} has a sibling
 * {@code NAME.expected} whose first line is {@code # structural}, {@code # semantic} or
 * {@code # syntax} and whose other lines are {@code LINE:COLUMN: substring}, one per problem the
 * loader must report (no more, no fewer). Structural cases must also be rejected by the schema
 * alone; semantic ones are the rules only the loader knows; syntax ones never reach a tree.
 */
class InvalidCorpusTest {
  static final Path CORPUS = Path.of("src", "test", "resources", "invalid");
  static final String SECRET = "s3cr3t-Value-9f8e7d";
  static final Map<String, String> ENV = Map.of(
      "GAMEDAY_TEST_TOKEN", SECRET,
      "AZURE_SUBSCRIPTION_ID", "11111111-2222-3333-4444-555555555555");

  record Expected(String kind, List<String> lines) {}

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      List<String> names = files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".expected")).map(n -> n.substring(0, n.length() - ".expected".length()))
          .sorted().toList();
      assertThat(names).hasSizeGreaterThanOrEqualTo(30);
      return names.stream();
    }
  }

  static Expected expected(String name) throws IOException {
    List<String> lines = Files.readAllLines(CORPUS.resolve(name + ".expected"), StandardCharsets.UTF_8);
    String kind = lines.getFirst().replace("#", "").strip();
    assertThat(kind).isIn("structural", "semantic", "syntax");
    return new Expected(kind, lines.stream().skip(1).filter(l -> !l.isBlank()).toList());
  }

  static Path file(String name) {
    return CORPUS.resolve(name + ".yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void loaderReportsExactlyTheExpectedProblems(String name) throws IOException {
    LoadResult result = new ExperimentLoader(ENV::get).load(file(name));
    assertThat(result).as("%s must be refused", name).isInstanceOf(LoadResult.Invalid.class);
    List<Problem> problems = ((LoadResult.Invalid) result).problems();
    String actual = problems.stream().map(Problem::format).collect(Collectors.joining("\n"));
    List<String> unmatched = new ArrayList<>();
    for (String line : expected(name).lines()) {
      String[] parts = line.split(":", 3);
      int l = Integer.parseInt(parts[0]);
      int c = Integer.parseInt(parts[1]);
      String text = parts[2].strip();
      boolean found = problems.stream().anyMatch(p -> p.line() == l && p.column() == c && p.format().contains(text));
      if (!found) {
        unmatched.add(line);
      }
    }
    assertThat(unmatched).as("expected problems not reported; actual:\n%s", actual).isEmpty();
    assertThat(problems).as("actual:\n%s", actual).hasSameSizeAs(expected(name).lines());
    assertThat(problems).allSatisfy(p -> {
      assertThat(p.format()).startsWith(file(name).toString() + ":").doesNotContain(SECRET);
      assertThat(p.format()).doesNotContain("Exception").doesNotContain("\tat ");
    });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void structuralCasesAreRejectedByTheSchemaAlone(String name) throws IOException {
    Expected e = expected(name);
    if (e.kind().equals("structural")) {
      assertThat(new SchemaOnly().validate(Files.readAllBytes(file(name)))).as(name).isNotEmpty();
    } else if (e.kind().equals("semantic")) {
      assertThat(new SchemaOnly().validate(Files.readAllBytes(file(name))))
          .as("%s is marked semantic, so the schema alone should accept it", name).isEmpty();
    }
  }
}
