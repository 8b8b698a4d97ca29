"""BlinkInfra's checkpoint cleaner: removes the checkpoint folders of jobs a session cluster no longer runs.

Why (issue 29.13): the Flink Kubernetes Operator keeps a session job's checkpoints when it cancels the job
(FlinkConfigBuilder.applyJobConfig: RETAIN_ON_CANCELLATION), and a last-state upgrade resubmits the job under a new job id,
restoring in NO_CLAIM mode (operator 1.15 AbstractFlinkService.runJar sends RestoreMode.DEFAULT for Flink 1.20, which the
JarRunHandler prefers to the configuration's), so the new job never takes ownership of the old checkpoints: every upgrade
left checkpoints/<session>/<old job id>/ behind. An age rule on the bucket cannot remove them safely: a live job's
incremental checkpoints share files with its older ones.

What is removed: under checkpoints/<session>/, a folder named by a job id (32 hexadecimal characters) that is
  - not a job the session's JobManager runs (GET /jobs/overview on <session>-rest:8081: any state but FINISHED, CANCELED
    and FAILED counts as running), and
  - not named anywhere in the FlinkSessionJob (or FlinkStateSnapshot) objects of that session (the operator records the
    job id it runs and the checkpoint a suspended or upgrading job resumes from in their status), and
  - not the checkpoint a running job restored from while that job has completed no checkpoint of its own since (in NO_CLAIM
    mode its first checkpoint is a full one; until then a failover restores from the old folder again), and
  - untouched for GRACE_HOURS (its newest object older than that).
Anything it cannot read (the REST API, the Kubernetes API, the bucket) stops the session's cleaning: nothing is deleted on
a guess. On the versioned state bucket a deletion leaves noncurrent versions, which the bucket's lifecycle rule expires
after stateRetention.noncurrentVersionDays: the undo window.

Configuration (environment): BUCKET, OSS_ENDPOINT, REGION, NAMESPACE, SESSIONS (comma-separated session cluster names),
GRACE_HOURS, REST_PORT (8081), DRY_RUN ("true" lists and deletes nothing). Credentials: RRSA's (ALIBABA_CLOUD_ROLE_ARN,
ALIBABA_CLOUD_OIDC_PROVIDER_ARN, ALIBABA_CLOUD_OIDC_TOKEN_FILE, injected by ACK's pod identity webhook), exchanged at the
region's STS VPC endpoint (ALIBABA_CLOUD_STS_REGION, ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED).
"""

import datetime
import json
import os
import re
import ssl
import sys
import urllib.error
import urllib.request

JOB_ID = re.compile(r"^[0-9a-f]{32}$")
ANY_JOB_ID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")
TERMINAL_STATES = {"FINISHED", "CANCELED", "FAILED"}


# ---- the decision: pure functions, tested without a cluster (test_cleaner.py) ----

def running_job_ids(overview):
    """Job ids the JobManager runs, from GET /jobs/overview: every state but the globally terminal ones."""
    return {job["jid"] for job in overview.get("jobs", []) if job.get("state") not in TERMINAL_STATES}


def checkpoint_folder_of(path, session):
    """The job id of a path under checkpoints/<session>/<job id>/, or None."""
    match = re.search(r"checkpoints/" + re.escape(session) + r"/([0-9a-f]{32})(/|$)", path or "")
    return match.group(1) if match else None


def still_restoring_from(checkpoint_stats, session):
    """
    The job id whose folder a running job restored from and still needs: from GET /jobs/<id>/checkpoints, the restored
    checkpoint's folder while no checkpoint completed after it.
    """
    latest = (checkpoint_stats or {}).get("latest") or {}
    restored = latest.get("restored") or {}
    folder = checkpoint_folder_of(restored.get("external_path"), session)
    if folder is None:
        return None
    completed = latest.get("completed") or {}
    if completed.get("id") is None or completed.get("id", 0) <= restored.get("id", 0):
        return folder
    return None


def named_job_ids(objects):
    """Every job id named anywhere in the operator's objects (spec and status), as text: the safe side of any field."""
    return set(ANY_JOB_ID.findall(json.dumps(objects, sort_keys=True)))


def folders_to_delete(folders, protected, now, grace):
    """
    The folders to remove: named by a job id, not protected, and whose newest object is older than the grace period.
    folders maps a folder's job id to the time of its newest object.
    """
    return sorted(job_id for job_id, newest in folders.items()
                  if JOB_ID.match(job_id) and job_id not in protected and now - newest >= grace)


# ---- the world: Flink's REST API, the Kubernetes API and the bucket ----

def http_json(url, headers=None, context=None, timeout=30):
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=timeout, context=context) as response:
        return json.loads(response.read().decode("utf-8"))


class Kubernetes:
    """The in-cluster API with the pod's service account (get and list on the operator's objects in one namespace)."""

    ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount"

    def __init__(self):
        with open(os.path.join(self.ACCOUNT, "token"), encoding="utf-8") as token:
            self.headers = {"Authorization": "Bearer " + token.read().strip()}
        self.context = ssl.create_default_context(cafile=os.path.join(self.ACCOUNT, "ca.crt"))
        self.base = "https://{}:{}".format(os.environ["KUBERNETES_SERVICE_HOST"], os.environ["KUBERNETES_SERVICE_PORT"])

    def objects(self, namespace, plural, optional=False):
        url = "{}/apis/flink.apache.org/v1beta1/namespaces/{}/{}".format(self.base, namespace, plural)
        try:
            return http_json(url, self.headers, self.context).get("items", [])
        except urllib.error.HTTPError as error:
            if optional and error.code == 404:  # an operator without that kind
                return []
            raise


class Bucket:
    """The state bucket through OSS SDK v2 and RRSA's credentials (exchanged at the region's STS VPC endpoint)."""

    def __init__(self, bucket, region, endpoint):
        import alibabacloud_oss_v2 as oss
        from alibabacloud_credentials.client import Client as CredentialsClient
        from alibabacloud_credentials.models import Config as CredentialsConfig

        sts_region = os.environ.get("ALIBABA_CLOUD_STS_REGION", region)
        vpc = os.environ.get("ALIBABA_CLOUD_VPC_ENDPOINT_ENABLED", "false").lower() == "true"
        credentials = CredentialsClient(CredentialsConfig(
            type="oidc_role_arn",
            role_arn=os.environ["ALIBABA_CLOUD_ROLE_ARN"],
            oidc_provider_arn=os.environ["ALIBABA_CLOUD_OIDC_PROVIDER_ARN"],
            oidc_token_file_path=os.environ["ALIBABA_CLOUD_OIDC_TOKEN_FILE"],
            role_session_name="blink-checkpoint-cleaner",
            sts_endpoint=("sts-vpc.{}.aliyuncs.com" if vpc else "sts.{}.aliyuncs.com").format(sts_region)))

        class Provider(oss.credentials.CredentialsProvider):
            def get_credentials(self):
                model = credentials.get_credential()
                return oss.credentials.Credentials(model.access_key_id, model.access_key_secret, model.security_token)

        config = oss.config.load_default()
        config.credentials_provider = Provider()
        config.region = region
        config.endpoint = endpoint
        self.oss = oss
        self.client = oss.Client(config)
        self.bucket = bucket

    def folders(self, prefix):
        """Each folder directly under prefix, by name, with the time of its newest object."""
        names = []
        for page in self.client.list_objects_v2_paginator().iter_page(
                self.oss.ListObjectsV2Request(bucket=self.bucket, prefix=prefix, delimiter="/")):
            names += [common.prefix[len(prefix):].rstrip("/") for common in (page.common_prefixes or [])]
        folders = {}
        for name in names:
            newest = None
            for page in self.client.list_objects_v2_paginator().iter_page(
                    self.oss.ListObjectsV2Request(bucket=self.bucket, prefix=prefix + name + "/")):
                for item in page.contents or []:
                    newest = item.last_modified if newest is None or item.last_modified > newest else newest
            if newest is not None:
                folders[name] = newest
        return folders

    def delete_folder(self, folder):
        keys = []
        for page in self.client.list_objects_v2_paginator().iter_page(
                self.oss.ListObjectsV2Request(bucket=self.bucket, prefix=folder)):
            keys += [item.key for item in page.contents or []]
        for start in range(0, len(keys), 1000):  # DeleteMultipleObjects takes at most 1,000 keys
            self.client.delete_multiple_objects(self.oss.DeleteMultipleObjectsRequest(
                bucket=self.bucket, objects=[self.oss.DeleteObject(key=key) for key in keys[start:start + 1000]]))
        return len(keys)


def clean(session, namespace, rest_port, kubernetes, bucket, now, grace, dry_run, log=print):
    """One session cluster: what its JobManager and the operator name is kept, the rest past the grace period removed."""
    rest = "http://{}-rest.{}:{}".format(session, namespace, rest_port)
    running = running_job_ids(http_json(rest + "/jobs/overview"))
    protected = set(running)
    for job_id in running:
        restoring = still_restoring_from(http_json("{}/jobs/{}/checkpoints".format(rest, job_id)), session)
        if restoring:
            protected.add(restoring)
    jobs = [job for job in kubernetes.objects(namespace, "flinksessionjobs")
            if (job.get("spec") or {}).get("deploymentName") == session]
    snapshots = kubernetes.objects(namespace, "flinkstatesnapshots", optional=True)
    protected |= named_job_ids(jobs) | named_job_ids(snapshots)
    prefix = "checkpoints/{}/".format(session)
    doomed = folders_to_delete(bucket.folders(prefix), protected, now, grace)
    for job_id in doomed:
        if dry_run:
            log("{}: would remove {}{}/".format(session, prefix, job_id))
        else:
            log("{}: removed {}{}/ ({} objects)".format(session, prefix, job_id, bucket.delete_folder(prefix + job_id + "/")))
    log("{}: {} running, {} protected, {} removed".format(session, len(running), len(protected), 0 if dry_run else len(doomed)))
    return doomed


def main():
    sessions = [s for s in os.environ["SESSIONS"].split(",") if s]
    grace = datetime.timedelta(hours=int(os.environ.get("GRACE_HOURS", "24")))
    dry_run = os.environ.get("DRY_RUN", "false").lower() == "true"
    bucket = Bucket(os.environ["BUCKET"], os.environ["REGION"], os.environ["OSS_ENDPOINT"])
    kubernetes = Kubernetes()
    failed = 0
    for session in sessions:
        try:
            clean(session, os.environ["NAMESPACE"], os.environ.get("REST_PORT", "8081"), kubernetes, bucket,
                  datetime.datetime.now(datetime.timezone.utc), grace, dry_run)
        except Exception as error:  # one session's failure leaves it untouched and the others cleaned
            failed += 1
            print("{}: not cleaned: {}".format(session, error), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
