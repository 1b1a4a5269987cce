"""A compact console logger for `storyhouse build`: the stage progress lines the assets log
(`[stage] ...`) and every warning or error, without Dagster's per-line run prefix."""
import logging
import sys
import time

import dagster as dg


class _CompactFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        meta = getattr(record, "dagster_meta", None) or {}
        message = meta.get("orig_message") or record.getMessage()
        stamp = time.strftime("%H:%M:%S", time.localtime(record.created))
        if record.levelno >= logging.WARNING:
            return f"{stamp} {record.levelname.lower()} in {meta.get('step_key') or 'run'}: {message}"
        return f"{stamp} {message}"


class _StageLines(logging.Filter):
    """INFO lines only when they are stage progress lines; warnings and errors always."""

    def filter(self, record: logging.LogRecord) -> bool:
        meta = getattr(record, "dagster_meta", None) or {}
        message = str(meta.get("orig_message") or "")
        return record.levelno >= logging.WARNING or message.startswith("[")


@dg.logger(config_schema={"log_level": dg.Field(str, default_value="INFO")},
           description="Stage progress lines and warnings, one short line each, on stderr.")
def compact_console(init_context) -> logging.Logger:
    logger = logging.Logger("storyhouse", level=init_context.logger_config["log_level"])
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_CompactFormatter())
    handler.addFilter(_StageLines())
    logger.addHandler(handler)
    return logger
