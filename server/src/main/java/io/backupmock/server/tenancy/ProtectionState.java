package io.backupmock.server.tenancy;

/** The spec's ProtectionState values that the emulator moves items through. */
public enum ProtectionState {
    IRPending, Protected, ProtectionStopped
}
