package dev.gameday.core.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON Schema (draft 2020-12) of the experiment format v1, as shipped on the classpath from
 * {@code experiments/schema/experiment-v1.schema.json}.
 */
public final class ExperimentSchema {

  /** Where the schema sits on the classpath. */
  public static final String RESOURCE = "/schema/experiment-v1.schema.json";

  private ExperimentSchema() {}

  /** The schema text; fails only if the jar was built without it (a packaging bug). */
  public static String text() {
    try (InputStream in = ExperimentSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the experiment schema is missing from the classpath: " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the experiment schema " + RESOURCE, e);
    }
  }
}
