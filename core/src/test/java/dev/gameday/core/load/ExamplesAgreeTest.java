package dev.gameday.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example under experiments/ passes the schema alone and the loader. */
class ExamplesAgreeTest {
  static final Path EXPERIMENTS = Path.of("..", "experiments");
  private static final Map<String, String> ENV = Map.of("AZURE_SUBSCRIPTION_ID", "11111111-2222-3333-4444-555555555555");

  static Stream<Path> examples() throws IOException {
    try (Stream<Path> files = Files.walk(EXPERIMENTS)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(list).hasSizeGreaterThanOrEqualTo(6);
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void examplePassesTheSchemaAlone(Path example) throws IOException {
    assertThat(new SchemaOnly().validate(Files.readAllBytes(example))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void examplePassesTheLoader(Path example) {
    LoadResult result = new ExperimentLoader(ENV::get).load(example);
    assertThat(result).isInstanceOfSatisfying(LoadResult.Loaded.class,
        loaded -> assertThat(loaded.experiment().faults()).isNotEmpty());
    if (result instanceof LoadResult.Invalid invalid) {
      invalid.problems().forEach(p -> System.out.println(p.format()));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void exampleStartsWithTheSchemaComment(Path example) throws IOException {
    assertThat(Files.readAllLines(example).getFirst()).startsWith("# yaml-language-server: $schema=")
        .endsWith("schema/experiment-v1.schema.json");
  }
}
