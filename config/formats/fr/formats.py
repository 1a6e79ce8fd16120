# "2 juin 2026", "2 juin 2026 à 14:30", "septembre 2009"; short dates are numeric (02/06/2026),
# never the abbreviation "Jui", which stands for both juin and juillet.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = r"j F Y \à H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
