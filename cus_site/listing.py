"""A list shows only the rows it can link to.

The rule: a row whose address cannot be made (its `get_absolute_url()` raises NoReverseMatch,
as for a slug written by SQL that no URL pattern accepts, such as `zły slug <x>`) is left out of
every list, feed, sitemap and the search index, and a warning names it, instead of one bad row
turning the whole page into a 500 for every visitor. The row itself stays as it is, for an
editor to correct.
"""

import logging

from django.urls import NoReverseMatch

logger = logging.getLogger(__name__)


def has_address(obj, locate=None):
    """Whether `locate(obj)` (by default `obj.get_absolute_url()`) gives an address; a row
    without one is logged."""
    try:
        (locate or type(obj).get_absolute_url)(obj)
    except NoReverseMatch as error:
        label = getattr(getattr(obj, "_meta", None), "label", type(obj).__name__)
        pk = getattr(obj, "pk", obj)
        logger.warning("Left out of a list: %s %s has no address (%s)", label, pk, error)
        return False
    return True


def linkable(objects):
    """The objects that have an address, in their order."""
    return [obj for obj in objects if has_address(obj)]
