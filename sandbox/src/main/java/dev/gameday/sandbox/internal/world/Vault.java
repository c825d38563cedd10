package dev.gameday.sandbox.internal.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A Recovery Services vault with its recovery plans and jobs. */
public final class Vault {

  private final ResourceName id;
  private final String location;
  private final Map<String, RecoveryPlan> plans = new LinkedHashMap<>();
  private final List<ReplicationJob> jobs = new ArrayList<>();

  public Vault(ResourceName id, String location) {
    this.id = id;
    this.location = location;
  }

  public ResourceName id() {
    return id;
  }

  public String location() {
    return location;
  }

  public void add(RecoveryPlan plan) {
    plans.put(plan.name().toLowerCase(Locale.ROOT), plan);
  }

  public Optional<RecoveryPlan> plan(String name) {
    return Optional.ofNullable(plans.get(name.toLowerCase(Locale.ROOT)));
  }

  public List<RecoveryPlan> plans() {
    return List.copyOf(plans.values());
  }

  public void add(ReplicationJob job) {
    jobs.add(job);
  }

  public List<ReplicationJob> jobs() {
    return List.copyOf(jobs);
  }

  public Optional<ReplicationJob> job(String name) {
    return jobs.stream().filter(j -> j.name().equalsIgnoreCase(name)).findFirst();
  }
}
