package io.backupmock.server.jobs;

/**
 * What a backup trigger does while a backup of the same item still runs. Azure refuses to run two:
 * its troubleshooting guide lists {@code UserErrorBackupOperationInProgress} ("Unable to initiate
 * backup as another backup operation is currently in progress") as the error of the backup job that
 * was started while another one ran.
 */
public enum ConcurrentBackup {
    /** The default, as Azure: the trigger is accepted, and its job fails at once with UserErrorBackupOperationInProgress. */
    FailJob,
    /** The trigger itself is refused: 400 BMSUserErrorObjectLocked, and no job. */
    Refuse,
    /** Both run, each with its own job (no check at all). */
    Allow
}
