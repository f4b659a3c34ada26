from .models import SearchEntry


def index_saved(sender, instance, raw=False, **kwargs):
    # A fixture being loaded (raw) may be incomplete yet; rebuild_search_index follows it.
    if not raw:
        SearchEntry.objects.index(instance)


def remove_deleted(sender, instance, **kwargs):
    SearchEntry.objects.for_object(instance).delete()
