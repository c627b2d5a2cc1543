package io.backupmock.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * What a test suite pays for the testkit, in a fresh JVM as a build's test run is: the time from
 * JVM start, and from the class's start, to its first backup-to-completed test passing, then each
 * later test's time. Run it several times, each in its own JVM:
 * {@code for i in 1 2 3 4 5; do java -cp bench/target/benchmarks.jar io.backupmock.bench.FirstTestCost; done}.
 */
public final class FirstTestCost {
    private FirstTestCost() {
    }

    public static void main(String[] args) {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        long mainStart = System.currentTimeMillis();
        Map<String, Long> started = new ConcurrentHashMap<>();
        List<Long> testNanos = new ArrayList<>();
        long[] classStart = new long[1];
        long[] firstPassed = new long[1];
        List<String> failures = new ArrayList<>();
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                started.put(id.getUniqueId(), System.nanoTime());
                if (id.isContainer() && id.getDisplayName().equals(BackupToCompletedTests.class.getSimpleName())) {
                    classStart[0] = System.currentTimeMillis();
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse("?"));
                }
                if (id.isTest()) {
                    synchronized (testNanos) {
                        testNanos.add(System.nanoTime() - started.get(id.getUniqueId()));
                        if (firstPassed[0] == 0) {
                            firstPassed[0] = System.currentTimeMillis();
                        }
                    }
                }
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(BackupToCompletedTests.class))
                .build(), listener);
        if (!failures.isEmpty()) {
            System.err.println("FAILED: " + failures);
            System.exit(1);
        }
        List<Long> inOrder = testNanos.subList(1, testNanos.size());
        List<Long> later = new ArrayList<>(inOrder);
        later.sort(null);
        System.out.printf("JVM start -> first test passed: %d ms (JVM start -> main %d ms, class start -> first test "
                        + "passed %d ms, the first test itself %.1f ms)%n", firstPassed[0] - jvmStart, mainStart - jvmStart,
                firstPassed[0] - classStart[0], testNanos.get(0) / 1e6);
        System.out.printf("later tests (%d): median %.2f ms, p90 %.2f ms, max %.2f ms%n", later.size(),
                later.get(later.size() / 2) / 1e6, later.get(later.size() * 9 / 10) / 1e6,
                later.get(later.size() - 1) / 1e6);
        StringBuilder each = new StringBuilder();
        for (long nanos : inOrder) {
            each.append(String.format(" %.1f", nanos / 1e6));
        }
        System.out.println("each later test, in order (ms):" + each);
    }
}
