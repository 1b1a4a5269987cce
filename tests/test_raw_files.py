"""Reading the raw root: recursion, relative paths, and refusing what lies outside it."""
from __future__ import annotations

import hashlib
import pytest

from ingest.raw_files import read_raw_root


def test_reads_recursively_with_relative_paths_and_hashes(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "top.txt").write_bytes(b"one")
    (tmp_path / "a" / "b" / "deep.txt").write_bytes(b"two")
    frame = read_raw_root(tmp_path)
    assert frame["source_path"].to_list() == ["a/b/deep.txt", "top.txt"]
    assert frame["content_sha256"].to_list() == [hashlib.sha256(b"two").hexdigest(),
                                                 hashlib.sha256(b"one").hexdigest()]
    assert frame["problem"].null_count() == 2


def test_symlink_outside_root_is_refused_not_read(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"secret")
    root = tmp_path / "raw"
    root.mkdir()
    (root / "link.txt").symlink_to(outside)
    (root / "linkdir").symlink_to(tmp_path)
    frame = read_raw_root(root)
    assert set(frame["problem"]) == {"outside_root"}
    assert frame["content"].null_count() == frame.height
    assert "outside the raw root" in frame["problem_detail"][0]


def test_too_large_file_is_flagged(tmp_path):
    (tmp_path / "big.txt").write_bytes(b"x" * 2000)
    row = read_raw_root(tmp_path, max_bytes=1000).row(0, named=True)
    assert row["problem"] == "too_large" and row["content"] is None
    assert row["content_sha256"] == hashlib.sha256(b"x" * 2000).hexdigest()


def test_unreadable_file_is_flagged_and_the_rest_still_read(tmp_path, monkeypatch):
    (tmp_path / "locked.txt").write_bytes(b"text")
    (tmp_path / "fine.txt").write_bytes(b"text")
    real_open = open

    def deny_locked(path, *args, **kwargs):
        if str(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", deny_locked)
    frame = read_raw_root(tmp_path)
    assert frame.filter(frame["source_path"] == "locked.txt")["problem"].to_list() == ["unreadable"]
    assert frame.filter(frame["source_path"] == "fine.txt")["content"].to_list() == [b"text"]


def test_missing_root_raises_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        read_raw_root(tmp_path / "nope")


def test_file_that_vanishes_between_listing_and_reading_is_flagged(tmp_path, monkeypatch):
    import ingest.raw_files as raw_files

    (tmp_path / "stays.txt").write_bytes(b"text")
    vanished = tmp_path / "vanished.txt"
    vanished.write_bytes(b"text")
    real_walk = raw_files._walk

    def walk_then_delete(root):
        listed = real_walk(root)
        vanished.unlink()
        return listed

    monkeypatch.setattr(raw_files, "_walk", walk_then_delete)
    frame = read_raw_root(tmp_path)
    assert dict(zip(frame["source_path"], frame["problem"])) == {"stays.txt": None, "vanished.txt": "unreadable"}
    assert "restore it" in frame.filter(frame["source_path"] == "vanished.txt")["problem_detail"][0]
