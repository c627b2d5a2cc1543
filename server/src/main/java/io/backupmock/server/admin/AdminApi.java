package io.backupmock.server.admin;

import io.backupmock.server.Emulator;
import io.backupmock.server.gateway.Router;

/**
 * The admin REST API, under a prefix Azure never uses. Same JSON types as the configuration files;
 * a request it refuses changes nothing. Described by {@code GET /backupmock/admin/openapi.json}.
 */
public final class AdminApi {
    public static final String PREFIX = "/backupmock/admin";
    private static final String P = "backupmock/admin";
    private static final String VAULT = P + "/vaults/{subscriptionId}/{resourceGroup}/{vault}";

    private AdminApi() {
    }

    public static Router routes(Emulator e) {
        AdminDocs docs = new AdminDocs();
        AdminVaults vaults = new AdminVaults(e);
        AdminScenario scenario = new AdminScenario(e);
        AdminClock clock = new AdminClock(e);
        AdminJournal journal = new AdminJournal(e);
        AdminFaults faults = new AdminFaults(e);
        AdminProviderStates states = new AdminProviderStates(e);
        AdminSubscriptions subscriptions = new AdminSubscriptions(e);
        AdminJournalTail journalTail = new AdminJournalTail(e);
        return new Router()
                .add("GET", P, docs::index, null)
                .add("GET", P + "/openapi.json", docs::openApi, null)
                .add("GET", P + "/vaults", vaults::list, null)
                .add("POST", P + "/vaults", vaults::declare, null)
                .add("GET", VAULT + "/jobs", vaults::jobs, null)
                .add("POST", VAULT + "/jobs", vaults::createJob, null)
                .add("POST", VAULT + "/jobs/{jobId}/fail", vaults::failJob, null)
                .add("GET", VAULT + "/nextJobs", vaults::nextJobs, null)
                .add("POST", VAULT + "/nextJobs", vaults::queueNextJobs, null)
                .add("GET", VAULT + "/operations", vaults::operations, null)
                .add("GET", P + "/scenario", scenario::getScenario, null)
                .add("PUT", P + "/scenario", scenario::putScenario, null)
                .add("GET", P + "/rules", scenario::getRules, null)
                .add("POST", P + "/rules", scenario::postRule, null)
                .add("DELETE", P + "/rules", scenario::deleteRules, null)
                .add("GET", P + "/clock", clock::get, null)
                .add("POST", P + "/clock", clock::post, null)
                .add("GET", P + "/journal", journal::get, null)
                .add("DELETE", P + "/journal", journal::delete, null)
                .add("GET", P + "/faults", faults::get, null)
                .add("POST", P + "/faults", faults::post, null)
                .add("DELETE", P + "/faults", faults::delete, null)
                .add("POST", P + "/reset", vaults::reset, null)
                .add("POST", P + "/provider-states", states::post, null)
                .add("GET", P + "/subscriptions", subscriptions::list, null)
                .add("GET", P + "/subscriptions/{subscriptionId}", subscriptions::get, null)
                .add("GET", P + "/journal/tail", journalTail::get, null);
    }
}
