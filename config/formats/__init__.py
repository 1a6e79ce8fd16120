"""Date formats per language (FORMAT_MODULE_PATH), read before Django's own locale formats.

Only what differs from Django's defaults is set: a name a reader could misread is replaced
(French abbreviations "Jui" for both June and July), times are on the 24-hour clock in every
language, and month-year ranges read as a native text ("septiembre de 2009"). The French "1er"
for the first of the month cannot be written as a format string: pages and letters that show a
long date use `config.dates.long_date` (template filter `long_date`).
"""
