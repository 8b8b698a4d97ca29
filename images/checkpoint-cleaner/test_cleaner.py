"""The cleaner's decisions, without a cluster: python3 -m unittest discover -s images/checkpoint-cleaner"""

import datetime
import unittest

import cleaner

NOW = datetime.datetime(2026, 12, 5, 12, 0, tzinfo=datetime.timezone.utc)
DAY = datetime.timedelta(hours=24)
OLD, CURRENT, SUSPENDED, RESTORED = "a" * 32, "b" * 32, "c" * 32, "d" * 32


class FakeKubernetes:
    def __init__(self, jobs, snapshots=()):
        self.items = {"flinksessionjobs": list(jobs), "flinkstatesnapshots": list(snapshots)}

    def objects(self, namespace, plural, optional=False):
        return self.items[plural]


class FakeBucket:
    def __init__(self, folders):
        self.listed = dict(folders)
        self.deleted = []

    def folders(self, prefix):
        assert prefix == "checkpoints/session-cpu/"
        return self.listed

    def delete_folder(self, folder):
        self.deleted.append(folder)
        return 3


class Decisions(unittest.TestCase):
    def test_running_jobs_are_every_state_but_the_terminal_ones(self):
        overview = {"jobs": [{"jid": OLD, "state": "CANCELED"}, {"jid": CURRENT, "state": "RUNNING"},
                             {"jid": RESTORED, "state": "RESTARTING"}, {"jid": SUSPENDED, "state": "FAILED"}]}
        self.assertEqual(cleaner.running_job_ids(overview), {CURRENT, RESTORED})

    def test_a_restored_folder_is_needed_until_a_checkpoint_of_the_new_job_completes(self):
        path = "oss://state/checkpoints/session-cpu/{}/chk-41".format(OLD)
        restoring = {"latest": {"restored": {"id": 41, "external_path": path}, "completed": None}}
        self.assertEqual(cleaner.still_restoring_from(restoring, "session-cpu"), OLD)
        done = {"latest": {"restored": {"id": 41, "external_path": path}, "completed": {"id": 42}}}
        self.assertIsNone(cleaner.still_restoring_from(done, "session-cpu"))
        other = {"latest": {"restored": {"id": 7, "external_path": "oss://state/savepoints/session-cpu/savepoint-1"}}}
        self.assertIsNone(cleaner.still_restoring_from(other, "session-cpu"), "a savepoint is not a checkpoint folder")

    def test_only_unprotected_folders_past_the_grace_period_named_by_a_job_id(self):
        folders = {OLD: NOW - 2 * DAY, CURRENT: NOW - 2 * DAY, "e" * 32: NOW - DAY / 2, "shared": NOW - 9 * DAY}
        self.assertEqual(cleaner.folders_to_delete(folders, {CURRENT}, NOW, DAY), [OLD])

    def test_job_ids_named_anywhere_in_the_operators_objects_are_protected(self):
        job = {"spec": {"deploymentName": "session-cpu"},
               "status": {"jobStatus": {"jobId": CURRENT, "upgradeSavepointPath": "oss://state/checkpoints/session-cpu/" + SUSPENDED + "/chk-9"}}}
        self.assertEqual(cleaner.named_job_ids([job]), {CURRENT, SUSPENDED})


class Cleaning(unittest.TestCase):
    def run_clean(self, overview, stats, jobs, folders, dry_run=False):
        answers = {"http://session-cpu-rest.flink:8081/jobs/overview": overview}
        answers.update({"http://session-cpu-rest.flink:8081/jobs/{}/checkpoints".format(k): v for k, v in stats.items()})
        original = cleaner.http_json
        cleaner.http_json = lambda url, *args, **kwargs: answers[url]
        try:
            bucket = FakeBucket(folders)
            lines = []
            doomed = cleaner.clean("session-cpu", "flink", "8081", FakeKubernetes(jobs), bucket, NOW, DAY, dry_run, lines.append)
            return doomed, bucket.deleted, lines
        finally:
            cleaner.http_json = original

    def test_an_upgrades_old_folder_goes_and_what_is_still_needed_stays(self):
        # OLD: a job id from before a last-state upgrade; CURRENT runs (restored from RESTORED, no own checkpoint yet);
        # SUSPENDED: named in a FlinkSessionJob's status (a suspended last-state job resumes from it).
        overview = {"jobs": [{"jid": CURRENT, "state": "RUNNING"}, {"jid": OLD, "state": "CANCELED"}]}
        stats = {CURRENT: {"latest": {"restored": {"id": 5, "external_path": "oss://s/checkpoints/session-cpu/{}/chk-5".format(RESTORED)}}}}
        jobs = [{"spec": {"deploymentName": "session-cpu"}, "status": {"jobStatus": {"jobId": SUSPENDED}}},
                {"spec": {"deploymentName": "session-gpu"}, "status": {"jobStatus": {"jobId": OLD}}}]
        folders = {OLD: NOW - 2 * DAY, CURRENT: NOW, SUSPENDED: NOW - 9 * DAY, RESTORED: NOW - 9 * DAY}
        doomed, deleted, lines = self.run_clean(overview, stats, jobs, folders)
        self.assertEqual(doomed, [OLD], "another session's job naming OLD does not protect it here")
        self.assertEqual(deleted, ["checkpoints/session-cpu/{}/".format(OLD)])
        self.assertEqual(lines[-1], "session-cpu: 1 running, 3 protected, 1 removed")

    def test_a_dry_run_deletes_nothing(self):
        doomed, deleted, lines = self.run_clean({"jobs": []}, {}, [], {OLD: NOW - 2 * DAY}, dry_run=True)
        self.assertEqual((doomed, deleted), ([OLD], []))
        self.assertEqual(lines[0], "session-cpu: would remove checkpoints/session-cpu/{}/".format(OLD))

    def test_an_unreachable_jobmanager_deletes_nothing(self):
        original = cleaner.http_json

        def refuse(url, *args, **kwargs):
            raise OSError("connection refused")

        cleaner.http_json = refuse
        try:
            bucket = FakeBucket({OLD: NOW - 9 * DAY})
            with self.assertRaises(OSError):
                cleaner.clean("session-cpu", "flink", "8081", FakeKubernetes([]), bucket, NOW, DAY, False, lambda line: None)
            self.assertEqual(bucket.deleted, [])
        finally:
            cleaner.http_json = original


if __name__ == "__main__":
    unittest.main()
