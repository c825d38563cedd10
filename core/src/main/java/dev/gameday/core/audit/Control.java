package dev.gameday.core.audit;

/** One control a drill can help evidence: its id (as written in {@code audit.controls}), the standard, its title. */
public record Control(String id, String standard, String title) {}
