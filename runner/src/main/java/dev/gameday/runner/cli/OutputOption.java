package dev.gameday.runner.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --output text|json} option of the listing commands, and how they print JSON. */
final class OutputOption {
  @Option(names = "--output", defaultValue = "text", paramLabel = "FORMAT",
      description = "text (default) or json, for scripts.")
  String output;

  /** True for {@code json}; a value other than text or json is a usage error (exit 2). */
  boolean json() {
    if (!output.equals("text") && !output.equals("json")) {
      throw new GamedayException(ExitCodes.INVALID, "--output must be text or json, not " + output);
    }
    return output.equals("json");
  }

  /** {@code value} as indented JSON, times and durations in ISO-8601. */
  static void printJson(PrintWriter out, Object value) {
    try {
      out.println(new ObjectMapper().registerModule(new Jdk8Module())
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
          .writerWithDefaultPrettyPrinter().writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
