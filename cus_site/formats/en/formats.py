# "12 September 2023": the British order, without Django's abbreviated "Sept.".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, G:i"
TIME_FORMAT = "G:i"
MONTH_DAY_FORMAT = "j F"
