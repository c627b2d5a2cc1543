package io.backupmock.contracts;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Prints why a test was skipped (its assumption's message) on the console, where a build's reader
 * looks, not only in the surefire report.
 */
public final class SkipReasons implements TestWatcher {
    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        String why = String.valueOf(cause.getMessage()).replaceFirst("^Assumption failed: ", "")
                .replaceFirst("^skipped: ", "");
        System.out.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName() + ": " + why);
    }
}
