package dev.gameday.core.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The journal's on-disk format: JSON Lines. The first line is a header
 * {@code {"journal":"gameday","version":2}}; every further line is one event that starts with a
 * {@code seq} number (1, 2, ...) and {@code prev}, the SHA-256 (lowercase hex) of the line before
 * it as written, without its newline, then its {@code type} and fields. Times are ISO-8601 UTC,
 * durations ISO-8601. Version 1 is the same without {@code prev}; it is still read.
 */
public final class JournalFormat {
  /** The version this build writes. Readers refuse a newer one with a clear message. */
  public static final int VERSION = 2;

  public static final String FILE_NAME = "journal.jsonl";

  private JournalFormat() {}

  /**
   * A mapper for events: Optional and java.time aware, ISO times, absent optionals omitted. Its
   * buffers come from one shared pool: Jackson's default keeps them per thread, and probe samples
   * are written from a new virtual thread each, which then allocated fresh 8 KB buffers for every
   * line.
   */
  public static ObjectMapper mapper() {
    return JsonMapper.builder(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .serializationInclusion(JsonInclude.Include.NON_ABSENT)
        .build();
  }
}
