# English keeps Django's long date ("Jan. 1, 1990"): validation messages and their tests read
# it. Short dates spell the month too, since 02/06/2026 is 6 February to some readers and
# 2 June to others.
DATE_FORMAT = "N j, Y"
DATETIME_FORMAT = "N j, Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "F j"
SHORT_DATE_FORMAT = "N j, Y"
SHORT_DATETIME_FORMAT = "N j, Y, H:i"
