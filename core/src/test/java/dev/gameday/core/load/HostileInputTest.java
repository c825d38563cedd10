package dev.gameday.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** YAML features an experiment has no use for are refused with a located message, never an exception. */
class HostileInputTest {
  private final ExperimentLoader loader = new ExperimentLoader(Map.<String, String>of()::get);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      recursive alias     | apiVersion: gameday/v1\\nloop: &a [1, *a]\\n                  | 2:7:  | recursive alias
      global tag          | apiVersion: !!python/object:os.system gameday/v1\\n         | 1:13: | Global tag is not allowed
      local tag           | apiVersion: !vault gameday/v1\\n                            | 1:13: | YAML tag !vault is not supported
      two documents       | apiVersion: gameday/v1\\n---\\nkind: Experiment\\n          | 2:1:  | expected a single document
      merge key           | base: &b {x: 1}\\nother:\\n  <<: *b\\n                    | 3:3:  | merge keys (<<) are not supported
      list as key         | ? [a, b]\\n: c\\n                                         | 1:3:  | keys must be plain text
      scalar document     | just some text\\n                                           | 1:1:  | must be a map, not text
      """)
  void isRefusedWithALocatedProblem(String name, String yaml, String location, String message) {
    byte[] bytes = yaml.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);
    LoadResult result = loader.load("x.yaml", bytes, Path.of("."));

    assertThat(result).isInstanceOf(LoadResult.Invalid.class);
    assertThat(((LoadResult.Invalid) result).problems()).extracting(Problem::format)
        .anySatisfy(f -> assertThat(f).startsWith("x.yaml:" + location).contains(message));
  }
}
