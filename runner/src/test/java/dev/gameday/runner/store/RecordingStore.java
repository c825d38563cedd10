package dev.gameday.runner.store;

import dev.gameday.core.port.RunStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link RunStore} that records the name of every call it passes on to {@code store}. */
public final class RecordingStore implements RunStore {
  private final RunStore store;
  private final List<String> calls = new CopyOnWriteArrayList<>();

  public RecordingStore(RunStore store) {
    this.store = store;
  }

  /** The calls so far, by method name ({@code files}, {@code listing}, …), in order. */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  @Override
  public String location() {
    return store.location();
  }

  @Override
  public List<String> runs() {
    calls.add("runs");
    return store.runs();
  }

  @Override
  public Map<String, Stored> files(String run) {
    calls.add("files");
    return store.files(run);
  }

  @Override
  public Map<String, Map<String, Stored>> listing() {
    calls.add("listing");
    return store.listing();
  }

  @Override
  public void put(String run, String file, Path source) {
    calls.add("put");
    store.put(run, file, source);
  }

  @Override
  public void putSummary(String run, byte[] summary) {
    calls.add("putSummary");
    store.putSummary(run, summary);
  }

  @Override
  public void dropSummary(String run) {
    calls.add("dropSummary");
    store.dropSummary(run);
  }

  @Override
  public boolean hasSummary(String run) {
    calls.add("hasSummary");
    return store.hasSummary(run);
  }

  @Override
  public Map<String, byte[]> summaries() {
    calls.add("summaries");
    return store.summaries();
  }

  @Override
  public long append(String run, String file, byte[] bytes, long at) {
    calls.add("append");
    return store.append(run, file, bytes, at);
  }

  @Override
  public void get(String run, String file, Path target) {
    calls.add("get");
    store.get(run, file, target);
  }
}
