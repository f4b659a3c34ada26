"""The import records of a run: read once, tombstones marked, written as items are imported."""

import hashlib
import json

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from .models import ImportRecord


def digest(*values):
    """A hash of plain values (the same values give the same hash in every run)."""
    text = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


class Records:
    """The import records of one site, read once; rows deleted here become tombstones."""

    def __init__(self, site):
        self.site = site
        self.by_key = {self._key(r.kind, r): r for r in ImportRecord.objects.filter(site=site)}
        self._mark_tombstones()

    @staticmethod
    def _key(kind, record):
        return (kind, record.path if record.path else record.wp_id)

    def _mark_tombstones(self):
        targets = {}
        for record in self.by_key.values():
            if record.object_id and not record.deleted_at:
                targets.setdefault(record.content_type_id, []).append(record)
        for content_type_id, records in targets.items():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            ids = [record.object_id for record in records]
            existing = set(model._default_manager.filter(pk__in=ids).values_list("pk", flat=True))
            gone = [record.pk for record in records if record.object_id not in existing]
            ImportRecord.objects.filter(pk__in=gone).update(deleted_at=timezone.now())
            for record in records:
                if record.pk in gone:
                    record.deleted_at = timezone.now()

    def get(self, kind, key):
        return self.by_key.get((kind, key))

    def save(self, kind, key, obj, title, source_hash, row_hash, details=None):
        record = self.get(kind, key) or ImportRecord(
            site=self.site,
            kind=kind,
            wp_id=key if isinstance(key, int) else None,
            path=key if isinstance(key, str) else "",
        )
        record.title = title[:300]
        record.target = obj
        record.source_hash, record.row_hash = source_hash, row_hash
        record.details = details or {}
        record.save()
        self.by_key[(kind, key)] = record
        return record

    def save_file(self, path, name):
        record = self.get(ImportRecord.Kind.FILE, path) or ImportRecord(
            site=self.site, kind=ImportRecord.Kind.FILE, path=path
        )
        record.title = path.rsplit("/", 1)[-1][:300]
        record.details = {"name": name}
        record.save()
        self.by_key[(ImportRecord.Kind.FILE, path)] = record
