package dev.gameday.azure.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Azure's own REST examples ({@code azure-spec-examples/}, verbatim from
 * Azure/azure-rest-api-specs, MIT): read a response of an example to serve it from a stub.
 */
public final class SpecExamples {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecExamples() {}

  /** The whole example file, e.g. {@code recoveryservicessiterecovery/ReplicationJobs_Get.json}. */
  public static JsonNode example(String file) {
    try (InputStream in = SpecExamples.class.getResourceAsStream("/" + file)) {
      return JSON.readTree(Objects.requireNonNull(in, file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body of the example's answer with {@code status}, as JSON text. */
  public static String body(String file, int status) {
    return example(file).path("responses").path(Integer.toString(status)).path("body").toString();
  }

  /** A value inside the example's answer body, e.g. {@code /properties/currentScenario/jobId}. */
  public static String at(String file, int status, String pointer) {
    return example(file).path("responses").path(Integer.toString(status)).path("body").at(pointer)
        .asText();
  }
}
