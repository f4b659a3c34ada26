# "12 września 2023": E is the month's name in the genitive.
DATE_FORMAT = "j E Y"
SHORT_DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "j E Y, G:i"
TIME_FORMAT = "G:i"
MONTH_DAY_FORMAT = "j E"
