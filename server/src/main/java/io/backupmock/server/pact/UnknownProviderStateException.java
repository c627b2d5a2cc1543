package io.backupmock.server.pact;

/** A provider state the emulator does not know: the message names it and lists the states it knows. */
public final class UnknownProviderStateException extends IllegalArgumentException {
    private final String state;

    public UnknownProviderStateException(String state) {
        super("unknown provider state '" + state + "'; the known states are: " + String.join("; ", ProviderStates.ALL));
        this.state = state;
    }

    /** The state asked for. */
    public String state() {
        return state;
    }
}
