"""One catalogue of the errors users can meet, with stable codes and exit codes.

Every error names the file and says what is wrong in one line, and where
there is a fix, the fix. The CLI prints ``str(err)`` and exits with
``err.exit_code``; it never shows a traceback for these. Tests match on the
message, so reword with care.
"""

from __future__ import annotations

from pathlib import Path


class PolicyLensError(Exception):
    """Base class: ``code`` is stable (E0xx), ``exit_code`` is the process exit code."""

    code = "E000"
    exit_code = 1
    template = "{path}: {detail}"

    def __init__(self, path: str | Path | None = None, detail: str = "", **kwargs: object) -> None:
        self.path = str(path) if path is not None else "-"
        self.detail = detail
        self.kwargs = kwargs
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return self.template.format(path=self.path, detail=self.detail, **self.kwargs)

    def __str__(self) -> str:
        return f"error {self.code}: {self.message}"


# ---- input files (exit codes 10-29) -------------------------------------
class FileMissingError(PolicyLensError):
    code, exit_code = "E010", 10
    template = "{path}: no such file or directory"


class EmptyFileError(PolicyLensError):
    code, exit_code = "E011", 11
    template = "{path}: file has no text (empty or only whitespace)"

    @property
    def message(self) -> str:
        # a caller that knows why says so: "empty.zip: archive holds no documents"
        return f"{self.path}: {self.detail}" if self.detail else super().message


class FileTooLargeError(PolicyLensError):
    code, exit_code = "E012", 12
    template = "{path}: file is {size} bytes, over the {limit}-byte limit (raise it with --max-bytes)"


class UnsupportedFormatError(PolicyLensError):
    code, exit_code = "E013", 13
    template = "{path}: unsupported format ({detail})"


class NotTextError(PolicyLensError):
    code, exit_code = "E014", 14
    template = "{path}: not text in any Chinese or Unicode encoding ({detail})"


class CorruptFileError(PolicyLensError):
    code, exit_code = "E015", 15
    template = "{path}: corrupt or truncated {fmt} file ({detail})"

    def __init__(self, path: str | Path | None = None, detail: str = "", fmt: str = "", **kw: object):
        super().__init__(path, detail, fmt=fmt, **kw)


class EncryptedFileError(PolicyLensError):
    code, exit_code = "E016", 16
    template = "{path}: password-protected {fmt}; save an unprotected copy and retry"

    def __init__(self, path: str | Path | None = None, detail: str = "", fmt: str = "PDF", **kw: object):
        super().__init__(path, detail, fmt=fmt, **kw)


class UnsafeArchiveError(PolicyLensError):
    code, exit_code = "E017", 17
    template = "{path}: unsafe archive member {detail} (path escapes the dossier); nothing was extracted"


class ArchiveBombError(PolicyLensError):
    code, exit_code = "E018", 18
    template = "{path}: archive exceeds limits ({detail}); refusing to expand it"


class ResourceLimitError(PolicyLensError):
    code, exit_code = "E019", 19
    template = "{path}: {detail}"


class ConversionTimeoutError(PolicyLensError):
    code, exit_code = "E020", 20
    template = "{path}: conversion did not finish within {seconds} s (raise it with --timeout)"


class ConverterMissingError(PolicyLensError):
    code, exit_code = "E021", 21
    template = "{path}: {detail} is not installed; run `make install` (it installs LibreOffice)"


class ConversionError(PolicyLensError):
    code, exit_code = "E022", 22
    template = "{path}: conversion failed ({detail})"


class OcrUnavailableError(PolicyLensError):
    code, exit_code = "E023", 23
    template = "{path}: page needs OCR but {detail}"


# ---- configuration and data files (exit codes 30-39) --------------------
class RubricError(PolicyLensError):
    code, exit_code = "E030", 30
    template = "{path}: invalid rubric: {detail}"


class RubricWarning(UserWarning):
    """A rubric that compiles but cannot judge plans as it is (e.g. an empty checklist: every plan scores 0)."""


class DataFileError(PolicyLensError):
    code, exit_code = "E031", 31
    template = "{path}: invalid rules file: {detail}"


class ModelFileError(PolicyLensError):
    code, exit_code = "E032", 32
    template = "{path}: cannot load model: {detail}"


class HolidayFileError(PolicyLensError):
    code, exit_code = "E033", 33
    template = "{path}: invalid holiday file: {detail}"


# ---- store and query (exit codes 40-49) ---------------------------------
class StoreError(PolicyLensError):
    code, exit_code = "E040", 40
    template = "{path}: store error: {detail}"


class QueryError(PolicyLensError):
    code, exit_code = "E041", 41
    template = "query: {detail}"


class UsageError(PolicyLensError):
    code, exit_code = "E002", 2
    template = "{detail}"


class BatchFailedError(PolicyLensError):
    """Raised at the end of a batch where some inputs failed (others were processed)."""

    code, exit_code = "E003", 3
    template = "{detail}"
