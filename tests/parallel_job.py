"""A reconstructable handle on the build job, for runs launched with the multiprocess executor
(its step processes re-import this module; settings come from STORYHOUSE_* variables)."""
import dagster as dg


def build_job():
    from orchestration.definitions import BUILD_JOB, build_definitions
    from orchestration.settings import Settings

    return build_definitions(Settings.from_env()).resolve_job_def(BUILD_JOB)


def run_partition(batch_id: str) -> bool:
    """Execute one ingest batch with the job's default (multiprocess) executor."""
    with dg.DagsterInstance.get() as instance:
        result = dg.execute_job(dg.reconstructable(build_job), instance=instance,
                                tags={"dagster/partition": batch_id})
        return result.success


if __name__ == "__main__":
    import sys

    sys.exit(0 if run_partition(sys.argv[1]) else 1)
