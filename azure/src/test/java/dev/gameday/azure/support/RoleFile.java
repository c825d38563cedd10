package dev.gameday.azure.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The shipped least-privilege role, {@code scripts/azure/gameday-role.json}. */
public final class RoleFile {
  public static final Path PATH = Path.of("../scripts/azure/gameday-role.json");

  private RoleFile() {}

  /** Its {@code Actions}, in file order. */
  public static List<String> actions() {
    try {
      JsonNode role = new ObjectMapper().readTree(PATH.toFile());
      List<String> actions = new ArrayList<>();
      role.path("Actions").forEach(a -> actions.add(a.asText()));
      return actions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
