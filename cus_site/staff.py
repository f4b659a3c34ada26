"""Hints for signed-in staff on public pages: what residents would look for and nobody has
entered yet, with a link to the admin form where it goes.

Residents never see them. A page showing them differs per person, so its response is private and
never stored: no proxy, and no page cache of the site's own, may hand it to a resident.
"""

from functools import wraps

from django.utils.cache import patch_cache_control


def sees_hints(request):
    return request.user.is_authenticated and request.user.is_staff


def private_for_staff(view):
    """Mark the responses a view gives staff as private (the decorated view shows hints)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if sees_hints(request):
            patch_cache_control(response, private=True, no_store=True)
        return response

    return wrapped
