package dev.gameday.runner.engine;

import dev.gameday.core.model.Experiment;
import java.nio.file.Path;
import java.util.Map;

/**
 * One run to make: the validated experiment, where it came from (for the journal and the
 * evidence), and this build's version.
 */
public record RunRequest(Experiment experiment, Path experimentFile, String sha256,
    String redactedYaml, String toolVersion, Map<String, String> operator) {}
