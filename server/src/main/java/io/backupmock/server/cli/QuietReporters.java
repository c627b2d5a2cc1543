package io.backupmock.server.cli;

import au.com.dius.pact.provider.reporters.VerifierReporter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;

/**
 * Pact's console reporters with one note left out: "Skipping publishing of verification results",
 * which each run prints, and the verify command runs once per interaction. It is counted instead,
 * so the command can say it once.
 */
final class QuietReporters {
    private int publishingSkipped;

    List<VerifierReporter> wrap(List<VerifierReporter> reporters) {
        return reporters.stream().map(this::wrap).toList();
    }

    int publishingSkipped() {
        return publishingSkipped;
    }

    private VerifierReporter wrap(VerifierReporter reporter) {
        return (VerifierReporter) Proxy.newProxyInstance(VerifierReporter.class.getClassLoader(),
                new Class<?>[] {VerifierReporter.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("warnPublishResultsSkipped")) {
                        publishingSkipped++;
                        return null;
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "quiet " + reporter;
                        };
                    }
                    try {
                        return method.invoke(reporter, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
