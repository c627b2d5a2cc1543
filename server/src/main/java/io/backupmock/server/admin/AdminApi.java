package io.backupmock.server.admin;

import io.backupmock.server.control.Control;
import io.backupmock.server.control.ControlException;
import io.backupmock.server.gateway.ApiError;
import io.backupmock.server.gateway.Operation;
import io.backupmock.server.gateway.Router;

/**
 * The admin REST API, under a prefix Azure never uses. Same JSON types as the configuration files;
 * a request it refuses changes nothing. Described by {@code GET /backupmock/admin/openapi.json}.
 * Every change goes through the {@link Control} surface; its refusals become 400, 404 or 409 here.
 */
public final class AdminApi {
    public static final String PREFIX = "/backupmock/admin";
    private static final String P = "backupmock/admin";
    private static final String VAULT = P + "/vaults/{subscriptionId}/{resourceGroup}/{vault}";

    private AdminApi() {
    }

    public static Router routes(Control control) {
        AdminDocs docs = new AdminDocs();
        AdminVaults vaults = new AdminVaults(control);
        AdminScenario scenario = new AdminScenario(control);
        AdminClock clock = new AdminClock(control);
        AdminJournal journal = new AdminJournal(control.emulator());
        AdminFaults faults = new AdminFaults(control);
        AdminProviderStates states = new AdminProviderStates(control);
        AdminSubscriptions subscriptions = new AdminSubscriptions(control.emulator());
        AdminJournalTail journalTail = new AdminJournalTail(control.emulator());
        return new Router()
                .add("GET", P, translated(docs::index), null)
                .add("GET", P + "/openapi.json", translated(docs::openApi), null)
                .add("GET", P + "/vaults", translated(vaults::list), null)
                .add("POST", P + "/vaults", translated(vaults::declare), null)
                .add("GET", VAULT + "/jobs", translated(vaults::jobs), null)
                .add("POST", VAULT + "/jobs", translated(vaults::createJob), null)
                .add("POST", VAULT + "/jobs/{jobId}/fail", translated(vaults::failJob), null)
                .add("GET", VAULT + "/nextJobs", translated(vaults::nextJobs), null)
                .add("POST", VAULT + "/nextJobs", translated(vaults::queueNextJobs), null)
                .add("GET", VAULT + "/operations", translated(vaults::operations), null)
                .add("GET", P + "/scenario", translated(scenario::getScenario), null)
                .add("PUT", P + "/scenario", translated(scenario::putScenario), null)
                .add("GET", P + "/rules", translated(scenario::getRules), null)
                .add("POST", P + "/rules", translated(scenario::postRule), null)
                .add("DELETE", P + "/rules", translated(scenario::deleteRules), null)
                .add("GET", P + "/clock", translated(clock::get), null)
                .add("POST", P + "/clock", translated(clock::post), null)
                .add("GET", P + "/journal", translated(journal::get), null)
                .add("DELETE", P + "/journal", translated(journal::delete), null)
                .add("GET", P + "/faults", translated(faults::get), null)
                .add("POST", P + "/faults", translated(faults::post), null)
                .add("DELETE", P + "/faults", translated(faults::delete), null)
                .add("POST", P + "/reset", translated(vaults::reset), null)
                .add("POST", P + "/provider-states", translated(states::post), null)
                .add("GET", P + "/subscriptions", translated(subscriptions::list), null)
                .add("GET", P + "/subscriptions/{subscriptionId}", translated(subscriptions::get), null)
                .add("GET", P + "/journal/tail", translated(journalTail::get), null);
    }

    private static Operation translated(Operation operation) {
        return request -> {
            try {
                return operation.handle(request);
            } catch (ControlException e) {
                throw switch (e.kind()) {
                    case INVALID -> AdminBodies.invalid(e.getMessage());
                    case NOT_FOUND -> ApiError.notFound(e.code(), e.getMessage());
                    case CONFLICT -> new ApiError(409, e.code(), e.getMessage());
                };
            }
        };
    }
}
