"""The API's JSON parser: DRF's, with the nesting depth checked before the body is decoded.

Python's JSON decoder recurses once per nested array or object; a body nested a few thousand
levels deep exhausts the stack (a RecursionError, a 500) before any serializer sees it. No
request body of this API nests more than a few levels, so anything deeper than MAX_DEPTH is
refused as a 400 saying why. The body's size is limited earlier, for every request, by
config.middleware.RequestBodyLimitMiddleware (413).
"""

from __future__ import annotations

import codecs
import io
import re
from itertools import accumulate

from django.utils.translation import gettext as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

__all__ = ["MAX_DEPTH", "JSONParser", "json_depth"]

MAX_DEPTH = 32

# A JSON string, escapes included; what it holds is text, not nesting.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
# +1 for an opening bracket, -1 for a closing one, 0 for any other byte.
_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1


def json_depth(body: bytes) -> int:
    """The deepest nesting of arrays and objects in a JSON text (UTF-8 or any ASCII-compatible
    encoding), without decoding it. Linear time, no recursion."""
    if body.count(b"[") + body.count(b"{") == 0:
        return 0
    return max(0, max(accumulate(map(_STEP.__getitem__, _STRING.sub(b'""', body))), default=0))


class JSONParser(parsers.JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        parser_context = parser_context or {}
        encoding = parsers.get_encoding(parser_context)
        body = stream.read() if stream is not None else b""
        if codecs.lookup(encoding).name != "utf-8":
            try:
                body = body.decode(encoding).encode("utf-8")
            except UnicodeError:
                raise ParseError(_("The JSON body is not valid %(encoding)s text.") % {"encoding": encoding}) from None
        if json_depth(body) > MAX_DEPTH:
            raise ParseError(
                _("The JSON body is nested too deeply: at most %(depth)d levels of arrays and objects are accepted.")
                % {"depth": MAX_DEPTH}
            )
        return super().parse(io.BytesIO(body), media_type, {**parser_context, "encoding": "utf-8"})
