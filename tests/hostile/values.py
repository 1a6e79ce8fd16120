"""The hostile values of the crawl: what an attacker or a careless client puts in a query
parameter, a form field or a JSON body. Strings go everywhere (a query string and a form only
carry text); JSON bodies also get the typed values."""

DEEP = 2000
# Every value is sent as text in query strings and form fields.
TEXT = {
    "100k-chars": "x" * 100_000,
    "nul-byte": "before\x00after",
    "control-chars": "\x01\x07\x08\x1b[31m\x7f\r\n\t",
    "bidi-override": "\u202eexe.tropeR\u202c \u2066\u2067\u2069",
    "year-0001": "0001-01-01",
    "year-9999": "9999-12-31",
    "datetime-9999": "9999-12-31T23:59:59+14:00",
    "negative": "-1",
    "huge-number": str(10**30),
    "unknown-id": "2147483647",
    "not-a-number": "NaN",
    "empty": "",
}
# What only a JSON body can carry.
JSON_ONLY = {
    "json-negative": -1,
    "json-huge": 10**30,
    "json-float-huge": 1e308,
    "json-null": None,
    "json-list": ["x", {"y": []}],
    "json-object": {"$gt": ""},
    "json-deep": {"a": [[[[[[[[[[[[[[[[{"b": [[[[[[[[[[[[]]]]]]]]]]]]}]]]]]]]]]]]]]]]]},
}
JSON_VALUES = {**TEXT, **JSON_ONLY}

# Whole bodies that are wrong before any field is read.
DEEP_JSON = "[" * DEEP + "]" * DEEP
DEEP_JSON_OBJECT = '{"a":' * DEEP + "1" + "}" * DEEP
WRONG_BODIES = {
    # (content type, body)
    "deep-json-array": ("application/json", DEEP_JSON),
    "deep-json-object": ("application/json", DEEP_JSON_OBJECT),
    "broken-json": ("application/json", '{"title": "unterminated'),
    "json-not-an-object": ("application/json", '"just a string"'),
    "xml": ("application/xml", '<?xml version="1.0"?><need><title>x</title></need>'),
    "text-plain": ("text/plain", "title=x&state=MX"),
    "binary": ("application/octet-stream", bytes(range(256)).decode("latin-1")),
    "bad-multipart": ("multipart/form-data; boundary=nothing", "--nothing\r\nbroken"),
    "form-in-json-clothes": ("application/json", "title=x&version=1"),
}

# Unknown ids for URL arguments: a free one, the largest 32-bit one and one past 64 bits.
UNKNOWN_INTS = (2_147_483_647, 10**30, 0)
UNKNOWN_STRINGS = ("ZZ", "no-such-thing", "\u202eevil")


def rotated(names: list[str], values: dict, round_: int) -> dict[str, object]:
    """Gives each name a different value in each round, so that over len(values) rounds every
    name gets every value once without sending the full product."""
    labels = list(values)
    return {name: labels[(i + round_) % len(labels)] for i, name in enumerate(names)}
