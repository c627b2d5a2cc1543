package io.backupmock.server.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The scripts jobs get when nothing more specific was set: one per operation, plus how long an
 * export takes. The emulator's default is the fixture {@code scenarios/default.json}.
 *
 * @param jobs             one script per operation; an operation without one completes at once
 * @param export           how the operation of {@code backupJobsExport} behaves
 * @param concurrentBackup what a backup trigger does while a backup of the same item runs; null
 *                         (not given) is {@link ConcurrentBackup#FailJob}, as on Azure
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Scenario(List<JobScript> jobs, OperationScript export, ConcurrentBackup concurrentBackup) {

    public Scenario(List<JobScript> jobs, OperationScript export) {
        this(jobs, export, null);
    }

    public Scenario {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
        export = export == null ? OperationScript.IMMEDIATE : export;
        Map<JobOperation, JobScript> seen = new EnumMap<>(JobOperation.class);
        for (JobScript script : jobs) {
            if (script.operation() == null) {
                throw new IllegalArgumentException("every job script of a scenario names its operation");
            }
            if (seen.put(script.operation(), script) != null) {
                throw new IllegalArgumentException("the scenario has two scripts for " + script.operation());
            }
        }
    }

    /**
     * This scenario with {@code overrides}' scripts in place of these for the operations they name
     * (a script that gives no trigger keeps this scenario's), and its export if it has one.
     */
    public Scenario overriddenBy(Scenario overrides) {
        Map<JobOperation, JobScript> merged = new EnumMap<>(JobOperation.class);
        jobs.forEach(j -> merged.put(j.operation(), j));
        overrides.jobs.forEach(j -> {
            JobScript base = merged.get(j.operation());
            merged.put(j.operation(), j.trigger() == null && base != null && base.trigger() != null
                    ? j.toBuilder().trigger(base.trigger()).build() : j);
        });
        return new Scenario(List.copyOf(merged.values()),
                overrides.export.equals(OperationScript.IMMEDIATE) ? export : overrides.export,
                overrides.concurrentBackup != null ? overrides.concurrentBackup : concurrentBackup);
    }

    /** What a backup trigger does while a backup of the same item runs. */
    public ConcurrentBackup concurrentBackupOrDefault() {
        return concurrentBackup == null ? ConcurrentBackup.FailJob : concurrentBackup;
    }

    /**
     * How the operation of a trigger of {@code operation} behaves, for scripts that do not say:
     * the scenario's script's, else done at once.
     */
    public OperationScript triggerFor(JobOperation operation) {
        return scriptFor(operation).triggerOr(OperationScript.IMMEDIATE);
    }

    /** The script for a job of {@code operation}. */
    public JobScript scriptFor(JobOperation operation) {
        for (JobScript script : jobs) {
            if (script.operation() == operation) {
                return script;
            }
        }
        return JobScript.builder(operation).build();
    }
}
