package dev.gameday.core.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The journal's on-disk format: JSON Lines. The first line is a header
 * {@code {"journal":"gameday","version":1}}; every further line is one event with a
 * {@code seq} number (1, 2, ...) and a {@code type}. Times are ISO-8601 UTC, durations ISO-8601.
 */
public final class JournalFormat {
  /** The version this build writes. Readers refuse a newer one with a clear message. */
  public static final int VERSION = 1;

  public static final String FILE_NAME = "journal.jsonl";

  private JournalFormat() {}

  /** A mapper for events: Optional and java.time aware, ISO times, absent optionals omitted. */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .build();
  }
}
