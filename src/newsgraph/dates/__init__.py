"""Dates: publication dates, datelines and the time expressions of an article."""

from .expressions import Resolution, find_expressions, resolve, resolve_text, week_value
from .published import find_dateline, parse_published
from .mentions import date_for_span, find_dates, reference_date, resolve_dates

__all__ = ["Resolution", "date_for_span", "find_dateline", "find_dates", "find_expressions",
           "parse_published", "reference_date", "resolve", "resolve_dates", "resolve_text",
           "week_value"]
