package io.backupmock.server.tracking;

/** The spec's OperationStatusValues (note the one l of {@code Canceled}). */
public enum OperationStatusValue {
    InProgress, Succeeded, Failed, Canceled
}
