package io.backupmock.server.config;

/** A configuration the emulator refuses; the message names the field and why. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
