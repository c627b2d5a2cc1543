package io.backupmock.testkit.pact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Contracts that ask for what Azure does not do fail verification against the emulator, each with a clear message. */
class WrongPactsAreRejectedTest {

    @Test
    void everyWrongInteractionFailsAndSaysWhy() {
        List<Event> failures;
        System.setProperty(WrongPactsVerification.ENABLED, "true");
        try {
            failures = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(WrongPactsVerification.class))
                    .execute().testEvents().failed().list();
        } finally {
            System.clearProperty(WrongPactsVerification.ENABLED);
        }
        assertThat(failures).hasSize(4);
        assertThat(message(failures, "Success")).contains("Success", "Succeeded");
        assertThat(message(failures, "jobID")).contains("jobID");
        assertThat(message(failures, "answered 200")).contains("200", "202");
        assertThat(message(failures, "progress field")).contains("progress");
    }

    private static String message(List<Event> failures, String interaction) {
        return failures.stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().contains(interaction))
                .map(e -> e.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().map(Throwable::getMessage).orElse(""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no failure for '" + interaction + "' among "
                        + failures.stream().map(e -> e.getTestDescriptor().getDisplayName()).toList()));
    }
}
