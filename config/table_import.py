"""Importing a CSV/XLSX file, the one way every import does it (reading and checking the file is
`config.tabular`; what a row means is the app's service).

On a staff page, in two steps (`TableImport`). Step one: staff upload a file and see every
problem with its row and column, or what the import would do while the file waits in the session.
Step two: the file is taken back (once) and imported all or nothing, and staff land on the page
where the result shows, with a message saying what changed.

From the shell, `manage.py import_<what> FILE [--dry-run]` (`TableImportCommand`): the problems
are printed with their row and column and the command fails; --dry-run prints what would change.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django import forms
from django.contrib import messages
from django.core.files.uploadedfile import UploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from config.tabular import MAX_BYTES, ImportPreview, TableRejected, stash_upload, take_upload

__all__ = ["EXPIRED", "TableImport", "TableImportCommand"]

EXPIRED = gettext_noop("This preview has expired or was already imported. Upload the file again.")


def _nothing(request: HttpRequest) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class TableImport:
    """The two steps of one import. Its page template extends "includes/table_import.html".

    `needs(request)` gives what `preview` and `apply` need besides the file (the obligation a
    report is for, say), read once a request and shown to the template too; while one of its
    values is None the import cannot run: step one says `missing_message` and offers no upload.
    `preview(request, content=, filename=, **needs)` and `apply(...)` raise TableRejected with
    every problem; `done_message(result)` is what staff read after `apply`. Messages are msgids
    (gettext_noop), translated when shown.
    """

    form_class: type[forms.Form]
    template: str
    upload_url: str  # URL name of step one, where an expired preview sends staff back
    confirm_url: str  # URL name of step two
    done_url: str  # URL name of the page where the imported rows show
    preview: Callable[..., ImportPreview]
    apply: Callable[..., Any]
    done_message: Callable[[Any], str]
    expired_message: str = EXPIRED
    needs: Callable[[HttpRequest], dict[str, Any]] = _nothing
    missing_message: str = ""
    context: dict[str, Any] = field(default_factory=dict)  # what the page shows besides (its columns)
    form_beside_preview: bool = False  # offer another upload under the preview

    def upload(self, request: HttpRequest) -> HttpResponse:
        """Step one: the page, or after an upload its problems or its preview."""
        needs = self.needs(request)
        ready = None not in needs.values()
        if not ready:
            messages.error(request, _(self.missing_message))
        if request.method != "POST":
            return self._page(request, needs, form=self.form_class())
        form = self.form_class(request.POST, request.FILES)
        if not form.is_valid() or not ready:
            return self._page(request, needs, form=form, status=400)
        content, filename = _content_of(form.cleaned_data["file"])
        try:
            preview = self.preview(request, content=content, filename=filename, **needs)
        except TableRejected as rejected:
            return self._page(request, needs, form=self.form_class(), problems=rejected.problems, status=400)
        token = stash_upload(request, content=content, filename=filename)
        return self._page(request, needs, form=self.form_class(), preview=preview, token=token)

    def confirm(self, request: HttpRequest) -> HttpResponse:
        """Step two: the previewed file imported, all of it or nothing."""
        needs = self.needs(request)
        upload = take_upload(request, request.POST.get("token", ""))
        if upload is None or None in needs.values():
            messages.error(request, _(self.expired_message))
            return redirect(self.upload_url)
        content, filename = upload
        try:
            result = self.apply(request, content=content, filename=filename, **needs)
        except TableRejected as rejected:
            # What is recorded changed since the preview; nothing was written.
            return self._page(request, needs, form=self.form_class(), problems=rejected.problems, status=400)
        messages.success(request, self.done_message(result))
        return redirect(self.done_url)

    def _page(
        self, request: HttpRequest, needs: dict[str, Any], *, form: forms.Form, problems: Iterable = (),
        preview: ImportPreview | None = None, token: str = "", status: int = 200,
    ) -> HttpResponse:
        return render(request, self.template, {
            **self.context, **needs, "table_import": self, "import_ready": None not in needs.values(),
            "form": form, "problems": problems, "preview": preview, "token": token,
        }, status=status)


def _content_of(upload: UploadedFile | tuple[bytes, str]) -> tuple[bytes, str]:
    """The bytes and name of the form's file (a form may have read them in its clean_file)."""
    if isinstance(upload, tuple):
        return upload
    return upload.read(MAX_BYTES + 1), upload.name  # read_table refuses anything larger


class TableImportCommand(BaseCommand, ABC):
    """`manage.py import_<what> FILE [--dry-run]`, the staff page's import from the shell.

    A command says what it needs besides the file (`needs`, raising CommandError when the import
    cannot run), how to plan and apply the file, and the lines that tell what it did.
    """

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="A .csv (UTF-8) or .xlsx file.")
        parser.add_argument("--dry-run", action="store_true", help="Check the file and print what would change; write nothing.")

    def needs(self) -> dict[str, Any]:
        return {}

    @abstractmethod
    def plan(self, *, content: bytes, filename: str, **needs: Any) -> Any:
        """What the file would do, written nowhere."""

    @abstractmethod
    def apply(self, *, content: bytes, filename: str, **needs: Any) -> Any:
        """Record the file, all of it or nothing."""

    def plan_lines(self, plan: Any) -> list[str]:
        """What a dry run prints, the counts last. By default those of a plan whose rows are
        recorded, corrected or left as they are (`plan.count("create")` and so on)."""
        counts = f"{plan.count('create')} to record, {plan.count('change')} to correct, {plan.count('unchanged')} unchanged"
        return [f"{counts} (dry run, nothing written)."]

    def result_line(self, result: Any) -> str:
        """What an import prints, by default from a result's created, changed and unchanged."""
        return f"{result.created} recorded, {result.changed} corrected, {result.unchanged} unchanged."

    def handle(self, *args, file: Path, dry_run: bool = False, **options) -> None:
        needs = self.needs()
        try:
            with file.open("rb") as handle:
                content = handle.read(MAX_BYTES + 1)  # read_table refuses anything larger
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror}.") from None
        try:
            if dry_run:
                lines = self.plan_lines(self.plan(content=content, filename=file.name, **needs))
            else:
                lines = [self.result_line(self.apply(content=content, filename=file.name, **needs))]
        except TableRejected as exc:
            for problem in exc.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(exc.problems)} problem(s) in {file.name}: nothing was written.") from None
        for line in lines:
            self.stdout.write(line)
