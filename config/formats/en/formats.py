# English dates follow UN editorial style, day first and the month spelled out: "30 April 2027",
# never "Apr. 30, 2027" nor 04/30/2027 (which reads 4 April 2030 to some readers). Short dates
# abbreviate the month but keep it in words, for tables: "30 Apr 2027".
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
