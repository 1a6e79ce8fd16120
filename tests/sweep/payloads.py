"""The bad inputs of the sweep: what a careless, hostile or unusual user might type or upload."""

SCRIPT = '<script>alert("sweep")</script><img src=x onerror=alert(1)>'
# Each is fed to every field of every form and every write endpoint.
TEXT_VALUES = {
    "over-long": "Ω" * 2000 + "x" * 18000,
    "html-and-script": SCRIPT,
    "sql-fragment": "x'); DROP TABLE entities_state; -- \" OR 1=1 --",
    "right-to-left": "\u202eevil\u202c مساعدة في إزالة الألغام \u200f",
    "emoji": "🚀💣🧨 👩🏽‍🚒🏳️‍🌈",
    "combining-marks": "Z̷̢͎̈a̶̡̛l̴̨̈g̵͉̈o̸̧͝ e\u0301\u0301\u0301",
    "null-byte": "abc\x00def",
    "whitespace-only": " \t\u00a0\u2003 ",
    "negative-number": "-1",
    "huge-number": "9" * 40,
    "float-overflow": "1e309",
    "not-a-number": "NaN",
    "impossible-date": "2026-02-30",
    "year-zero-date": "0000-00-00",
    "far-future-date": "99999-12-31",
    "backwards-date": "31/31/2026",
}
# Enough for a field where a person only chooses (select, checkbox, radio): a forged submission.
CHOICE_VALUES = ("over-long", "html-and-script", "sql-fragment", "huge-number", "null-byte")
JSON_EXTRA_VALUES = {
    "negative-int": -1,
    "huge-int": 10**40,
    "float": 1e308,
    "boolean": True,
    "null": None,
    "list": ["a", "b"],
    "object": {"$gt": ""},
}
# Malformed files for every file input (the importers).
FILES = {
    "empty.csv": b"",
    "binary.csv": bytes(range(256)) * 8,
    "wrong-columns.csv": b"foo,bar\n1,2\n",
    "formula.csv": b'name,code\n=HYPERLINK("http://x.invalid","x"),=1+1\n',
    "not-really.xlsx": b"this is not a spreadsheet",
    "truncated.xlsx": b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    "latin1.csv": "código,nación\nÑ,É\n".encode("latin-1"),
    "bom-and-crlf.csv": b"\xef\xbb\xbfname,code\r\n\xe2\x80\xaebad\r\n",
    "huge-cell.csv": b"name,code\n" + b"A" * 2_000_000 + b",X\n",
    "script.csv": f"name,code\n{SCRIPT},XX\n".encode(),
}
