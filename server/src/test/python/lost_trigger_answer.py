#!/usr/bin/python3
"""A backup trigger whose answer is lost: what the Azure SDK for Python does.

The emulator is set to handle the first POST and close the connection instead of answering
(a dropConnection fault). The SDK's RetryPolicy, as shipped, is on. Prints one line:

  raised <ExceptionType>   the SDK gave up at once (no retry)
  answered <status>        the SDK sent the POST again and got an answer

Usage: /usr/bin/python3 lost_trigger_answer.py BASE_URL CA_PEM_FILE SUBSCRIPTION_ID
"""
import sys
import time

from azure.core.credentials import AccessToken
from azure.core.exceptions import AzureError
from azure.mgmt.recoveryservicesbackup.activestamp import RecoveryServicesBackupClient
from azure.mgmt.recoveryservicesbackup.activestamp.models import BackupRequestResource, IaasVMBackupRequest


class DummyCredential:
    def get_token(self, *scopes, **kwargs):
        return AccessToken("dummy-token", int(time.time()) + 3600)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.rsplit("\n\n", 1)[-1].strip())
    client = RecoveryServicesBackupClient(DummyCredential(), sys.argv[3], base_url=sys.argv[1],
                                          connection_verify=sys.argv[2], retry_backoff_factor=0.01)
    try:
        client.backups.trigger("testVault", "testVaultRG", "Azure", "IaasVMContainer;iaasvmcontainerv2;testRG;testVM",
                               "VM;iaasvmcontainerv2;testRG;testVM",
                               BackupRequestResource(properties=IaasVMBackupRequest()),
                               cls=lambda response, deserialized, headers: response.http_response.status_code)
        print("answered 202")
    except AzureError as e:
        print(f"raised {type(e).__name__}: {str(e).splitlines()[0][:200]}")


if __name__ == "__main__":
    main()
