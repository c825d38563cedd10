package dev.gameday.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExperimentSchemaTest {

  @Test
  void theClasspathCopyIsTheFileInExperiments() throws Exception {
    assertThat(ExperimentSchema.text())
        .isEqualTo(Files.readString(Path.of("..", "experiments", "schema", "experiment-v1.schema.json")));
  }

  @Test
  void everyPropertyHasADescriptionAndEveryObjectIsClosed() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(ExperimentSchema.text());
    assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    List<String> undocumented = new ArrayList<>();
    List<String> open = new ArrayList<>();
    walk(schema, "#", schema, undocumented, open);
    assertThat(undocumented).as("properties without a description").isEmpty();
    assertThat(open).as("object schemas without additionalProperties: false").isEmpty();
  }

  private static void walk(JsonNode node, String at, JsonNode root, List<String> undocumented, List<String> open) {
    if (!node.isObject()) {
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          walk(node.get(i), at + "/" + i, root, undocumented, open);
        }
      }
      return;
    }
    JsonNode props = node.path("properties");
    boolean inBranch = at.contains("/if") || at.contains("/else") || at.contains("/oneOf") || at.contains("/not")
        || at.contains("/dependentSchemas");
    if (props.isObject() && !inBranch) {
      if (!node.path("additionalProperties").isBoolean() || node.path("additionalProperties").asBoolean()) {
        open.add(at);
      }
      props.fields().forEachRemaining(e -> {
        JsonNode p = e.getValue();
        boolean described = p.hasNonNull("description")
            || (p.has("$ref") && root.at(p.path("$ref").asText().substring(1)).hasNonNull("description"));
        if (!described) {
          undocumented.add(at + "/properties/" + e.getKey());
        }
      });
    }
    node.fields().forEachRemaining(e -> walk(e.getValue(), at + "/" + e.getKey(), root, undocumented, open));
  }
}
