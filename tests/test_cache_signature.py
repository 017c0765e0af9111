"""The key that signs cache files (`cache_signature`): what a key file may hold, which
one is never replaced, two first runs at once, a key file that changes while a process
runs, and what is said where there is none."""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import tempfile
from pathlib import Path

import pytest
from site_builds import BIN
from test_cache import check, make

from coalition_handbook import cache_signature
from coalition_handbook.cache import STATS
from coalition_handbook.cache_signature import KEY_FILE_VARIABLE, PACK, signed, verified

HEX_KEY = b"3f9a" * 16 + b"\n"  # as `openssl rand -hex 32 > key` writes one


def no_key_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        record.getMessage() for record in caplog.records if "no cache key" in record.getMessage()
    ]


def test_a_named_key_file_holding_a_hex_secret_is_kept_and_the_cache_stays_warm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key written from a CI secret at each job's start: it is the key, as it is
    (review: it was replaced by 32 new bytes, so every job started cold)."""
    key = tmp_path / "secret"
    key.write_bytes(HEX_KEY)
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(key))
    config = make(tmp_path / "handbook")
    first = check(config)
    assert key.read_bytes() == HEX_KEY
    key.write_bytes(HEX_KEY.strip())  # the next job's, written without the newline
    assert check(config) == first
    assert STATS.results == 1
    assert cache_signature.signing_key() == hashlib.sha256(HEX_KEY.strip()).digest()


@pytest.mark.parametrize(
    ("content", "why"),
    [
        (b"", "it holds 0 bytes"),
        (b"  too-short-key \n", "it holds 13 bytes besides spaces and line breaks"),
    ],
)
def test_a_named_key_file_too_short_is_never_replaced_and_the_caches_are_off(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    content: bytes,
    why: str,
) -> None:
    """An empty secret (one CI did not have) or a password: refused, said once with the
    file and why, and left as it is; the check runs all the same."""
    key = tmp_path / "secret"
    key.write_bytes(content)
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(key))
    config = make(tmp_path / "handbook")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.handbook"):
        check(config)
        check(config)
    assert STATS.parsed == 5
    assert key.read_bytes() == content
    (said,) = no_key_messages(caplog)
    assert f"no cache key in {key} ({why}, and a key needs at least 16" in said
    assert f"fix the file {KEY_FILE_VARIABLE} names" in said


def test_a_named_key_file_that_is_missing_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = tmp_path / "keys" / "handbook"
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(key))
    assert cache_signature.signing_key() == hashlib.sha256(key.read_bytes().strip()).digest()
    assert len(bytes.fromhex(key.read_text(encoding="ascii"))) == 32


@pytest.mark.parametrize("content", [b"", b"damaged"])
def test_the_default_key_file_is_replaced_when_it_holds_no_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: bytes
) -> None:
    monkeypatch.delenv(KEY_FILE_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key = tmp_path / "coalition-handbook" / "key"
    key.parent.mkdir()
    key.write_bytes(content)
    made = cache_signature.signing_key()
    assert made is not None
    assert made == hashlib.sha256(key.read_bytes().strip()).digest()


def test_a_file_in_the_key_folder_s_place_is_named_as_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Review: the reason given was mkdir's "File exists"."""
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(tmp_path / "a-file" / "key"))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.handbook"):
        assert cache_signature.signing_key() is None
    (said,) = no_key_messages(caplog)
    assert f"({tmp_path / 'a-file'} is a file, not a folder)" in said


def test_a_key_another_run_made_meanwhile_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two first runs at once: the one that finds the other's key in place once it has
    made its own signs with the other's (review: it replaced it, so the two signed with
    different keys and one of them wrote packs no later run could read)."""
    key = tmp_path / "key"
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(key))
    theirs = os.urandom(32).hex().encode()  # no whitespace at either end, which is no key
    make_temporary = tempfile.mkstemp

    def the_other_run_is_quicker(*args: object, **kwargs: object) -> tuple[int, str]:
        key.write_bytes(theirs)  # after this run found no key, before it links its own
        return make_temporary(*args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(cache_signature.tempfile, "mkstemp", the_other_run_is_quicker)
    ours = cache_signature.signing_key()
    assert key.read_bytes() == theirs
    assert ours == hashlib.sha256(theirs).digest()
    assert [path.name for path in tmp_path.iterdir()] == ["key"]  # no temporary file left


def test_a_key_file_changed_while_the_process_runs_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long `mkdocs serve` signs with the key `handbook check` reads (review: it kept
    the first one it read, and each rewrote the other's packs)."""
    key = tmp_path / "key"
    key.write_bytes(HEX_KEY)
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(key))
    data = signed(b"payload", PACK)
    assert data is not None and verified(data, PACK) is not None
    key.write_bytes(b"another key of the same user")
    assert verified(data, PACK) is None
    assert cache_signature.signing_key() == hashlib.sha256(b"another key of the same user").digest()
    key.unlink()  # deleted: a new one is made
    assert verified(data, PACK) is None
    assert key.exists()


def test_the_check_says_on_stderr_why_the_caches_are_off(tmp_path: Path) -> None:
    """`handbook check` shows no INFO line: without this, every run was cold in silence
    (review)."""
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    config = make(tmp_path / "handbook")
    env = {key: value for key, value in os.environ.items() if key != "HANDBOOK_NO_CACHE"}

    def run_check() -> subprocess.CompletedProcess[str]:
        command = [str(BIN / "handbook"), "check", "-f", str(config)]
        return subprocess.run(command, capture_output=True, text=True, env=env, check=False)

    with_a_key = run_check()
    env[KEY_FILE_VARIABLE] = str(tmp_path / "a-file" / "key")
    completed = run_check()
    # The run is not failed for it: the same findings, the same exit code.
    assert (completed.returncode, completed.stdout) == (with_a_key.returncode, with_a_key.stdout)
    assert "no cache key" not in with_a_key.stderr
    assert completed.stderr.count("no cache key in") == 1, completed.stderr
    assert f"{tmp_path / 'a-file'} is a file, not a folder" in completed.stderr


def test_a_key_file_others_may_read_is_used_and_said_with_chmod(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Review: `openssl rand -hex 32 > key` under umask 022 makes a file anyone may read,
    and whoever reads the key can sign a pickle the owner's next run loads."""
    key = tmp_path / "secret"
    key.write_bytes(HEX_KEY)
    key.chmod(0o644)
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(key))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.handbook"):
        assert cache_signature.signing_key() == hashlib.sha256(HEX_KEY.strip()).digest()
        assert cache_signature.signing_key() is not None
    said = [record.getMessage() for record in caplog.records]
    assert len(said) == 1 and f"chmod 600 {key}" in said[0] and "(mode 0644)" in said[0]
    assert cache_signature.unavailable_note() == said[0]  # `handbook` prints it on stderr
    key.chmod(0o600)
    caplog.clear()
    assert cache_signature.signing_key() is not None
    assert caplog.records == [] and cache_signature.unavailable_note() is None


@pytest.mark.parametrize("relative", [False, True])
def test_a_key_file_inside_the_handbook_folder_is_refused(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    relative: bool,
) -> None:
    """Review: `HANDBOOK_CACHE_KEY_FILE=.cache/key` was made beside the packs it signs, so
    every copy of the folder carried both. A relative path is the current folder's."""
    config = make(tmp_path / "handbook")
    key = tmp_path / "handbook" / ".cache" / "key"
    monkeypatch.chdir(tmp_path / "handbook")
    monkeypatch.setenv(KEY_FILE_VARIABLE, ".cache/key" if relative else str(key))
    assert cache_signature.key_file().path == key
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.handbook"):
        first = check(config)
        assert check(config) == first
    assert STATS.parsed == 5  # both runs cold
    assert not key.exists()
    said = [r for r in caplog.records if "inside the handbook folder" in r.getMessage()]
    assert [record.levelno for record in said] == [logging.WARNING]
    assert f"the cache key {key} ({KEY_FILE_VARIABLE})" in said[0].getMessage()


def test_what_is_wrong_with_a_key_file_is_said_precisely(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Review: a 24-byte file of spaces "holds 0 bytes"; a dangling link said "No such
    file or directory"; a named pipe with no writer held the run for ever."""
    spaces, dangling, pipe = tmp_path / "spaces", tmp_path / "dangling", tmp_path / "pipe"
    spaces.write_bytes(b" " * 20 + b"\n\n\t\n")
    dangling.symlink_to(tmp_path / "gone")
    os.mkfifo(pipe)
    expected = {
        spaces: "it holds 0 bytes besides spaces and line breaks, and a key needs",
        dangling: f"it is a link to {tmp_path / 'gone'}, which does not exist",
        pipe: "it is not a regular file (a named pipe), which is read once",
    }
    for key, why in expected.items():
        monkeypatch.setenv(KEY_FILE_VARIABLE, str(key))
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.handbook"):
            assert cache_signature.signing_key() is None
        (said,) = no_key_messages(caplog)
        assert f"no cache key in {key} ({why}" in said
    assert not (tmp_path / "gone").exists()  # a named file is never made through a link


def test_a_key_that_breaks_again_is_said_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Review: the INFO line was said once a process, so a long `mkdocs serve` whose key
    broke a second time the same way said nothing."""
    key = tmp_path / "secret"
    monkeypatch.setenv(KEY_FILE_VARIABLE, str(key))
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.handbook"):
        for content in (b"", HEX_KEY, b"  ", HEX_KEY * 2, b""):
            key.write_bytes(content)
            os.utime(key, ns=(0, len(content) + len(caplog.records)))  # a change, seen
            cache_signature.signing_key()
            cache_signature.signing_key()  # unchanged: not said again
    assert len(no_key_messages(caplog)) == 3
