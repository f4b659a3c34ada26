def site(request):
    """What every page's layout needs to know about the request."""
    return {}
