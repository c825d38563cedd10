package dev.gameday.core.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An experiment file parsed and converted to a JSON tree with {@code ${env:...}} interpolated:
 * the tree (null when the text is not YAML at all), where each node came from, which nodes hold
 * environment values ({@code secretPointers}, their values in {@code envValues}), which used any placeholder ({@code envPointers}),
 * the secret values themselves (to keep them out of every message), and the problems found so far.
 */
record YamlTree(
    JsonNode root,
    PositionIndex positions,
    Set<String> secretPointers,
    Set<String> envPointers,
    Map<String, Set<String>> envValues,
    List<Finding> findings,
    List<Finding.Located> syntaxProblems) {

  /** Every value taken from the environment, wherever it was used. */
  Set<String> secretValues() {
    Set<String> all = new java.util.LinkedHashSet<>();
    envValues.values().forEach(all::addAll);
    return all;
  }
}
