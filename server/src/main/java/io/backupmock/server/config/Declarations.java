package io.backupmock.server.config;

import io.backupmock.server.faults.Fault;
import io.backupmock.server.jobs.JobRule;
import java.util.List;

/**
 * What a start declares, and a reset declares again: vaults with their items and next jobs,
 * standing rules, faults.
 */
public record Declarations(List<EmulatorConfig.VaultConfig> vaults, List<JobRule> rules, List<Fault> faults) {
    public static final Declarations NONE = new Declarations(List.of(), List.of(), List.of());

    public Declarations {
        vaults = vaults == null ? List.of() : List.copyOf(vaults);
        rules = rules == null ? List.of() : List.copyOf(rules);
        faults = faults == null ? List.of() : List.copyOf(faults);
    }
}
