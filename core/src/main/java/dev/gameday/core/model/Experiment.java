package dev.gameday.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole experiment as the user wrote it, after validation. Immutable; everything past the
 * loader works with this and never with raw maps.
 */
public record Experiment(
    String apiVersion,
    Metadata metadata,
    Window window,
    AzureSettings azure,
    Map<String, TargetSpec> targets,
    Safety safety,
    SteadyState steadyState,
    List<FaultStep> faults,
    Objectives objectives,
    AbortConditions abort,
    ReportOptions report,
    Audit audit,
    List<Notification> notifications) {

  public static final String API_VERSION = "gameday/v1";

  public Experiment {
    Objects.requireNonNull(apiVersion, "apiVersion");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(azure, "azure");
    targets = Map.copyOf(targets);
    Objects.requireNonNull(safety, "safety");
    Objects.requireNonNull(steadyState, "steadyState");
    faults = List.copyOf(faults);
    Objects.requireNonNull(objectives, "objectives");
    Objects.requireNonNull(abort, "abort");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(audit, "audit");
    notifications = notifications == null ? List.of() : List.copyOf(notifications);
  }

  /** An experiment that sends no notifications. */
  public Experiment(String apiVersion, Metadata metadata, Window window, AzureSettings azure,
      Map<String, TargetSpec> targets, Safety safety, SteadyState steadyState,
      List<FaultStep> faults, Objectives objectives, AbortConditions abort, ReportOptions report,
      Audit audit) {
    this(apiVersion, metadata, window, azure, targets, safety, steadyState, faults, objectives,
        abort, report, audit, List.of());
  }

  /** This experiment with other notifications (e.g. those {@code --notify} adds). */
  public Experiment withNotifications(List<Notification> notifications) {
    return new Experiment(apiVersion, metadata, window, azure, targets, safety, steadyState,
        faults, objectives, abort, report, audit, notifications);
  }

  /** An experiment without {@code audit:} metadata. */
  public Experiment(String apiVersion, Metadata metadata, Window window, AzureSettings azure,
      Map<String, TargetSpec> targets, Safety safety, SteadyState steadyState,
      List<FaultStep> faults, Objectives objectives, AbortConditions abort, ReportOptions report) {
    this(apiVersion, metadata, window, azure, targets, safety, steadyState, faults, objectives,
        abort, report, Audit.none());
  }

  public String name() {
    return metadata.name();
  }

  /** The fault step with this name, if any. */
  public java.util.Optional<FaultStep> fault(String stepName) {
    return faults.stream().filter(f -> f.name().equals(stepName)).findFirst();
  }
}
