package io.backupmock.testkit;

/**
 * Keeps the embedded server's start-up chatter out of a test run: Undertow and XNIO log through
 * SLF4J (to whichever binding the build has), and with slf4j-simple only their warnings show.
 * Whatever the user has set already is left as it is.
 */
final class EmbeddedLogging {
    private EmbeddedLogging() {
    }

    static void configure() {
        setIfAbsent("org.jboss.logging.provider", "slf4j");
        setIfAbsent("org.slf4j.simpleLogger.log.io.undertow", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.xnio", "warn");
        setIfAbsent("org.slf4j.simpleLogger.log.org.jboss.threads", "warn");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
