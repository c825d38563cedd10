package dev.gameday.reports.analysis;

/** The result of judging one measured figure against one objective. */
public enum CheckStatus {
  MET, MISSED, NOT_MEASURED
}
