package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.util.Set;

/**
 * The schema on its own, the way an editor applies it: the raw YAML (placeholders not
 * interpolated) read by Jackson, not by the loader, validated by networknt.
 */
final class SchemaOnly {
  private final JsonSchema schema =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(ExperimentSchema.text());
  private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  Set<ValidationMessage> validate(byte[] content) throws IOException {
    JsonNode tree = yaml.readTree(content);
    return schema.validate(tree);
  }
}
