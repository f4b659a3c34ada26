"""What an import did, counted for the summary and listed for the report file."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

KINDS = {
    "posts": "wpisy",
    "pages": "strony",
    "categories": "kategorie",
    "images": "zdjęcia",
    "documents": "dokumenty",
    "redirects": "przekierowania",
    "other": "pozostałe pozycje eksportu",
}
OUTCOMES = {"created": "utworzone", "updated": "zaktualizowane", "unchanged": "bez zmian"}


@dataclass
class Entry:
    wp_id: int | None
    title: str
    line: int | None
    message: str

    def __str__(self):
        item = f"#{self.wp_id} „{self.title}”" if self.wp_id else f"„{self.title}”"
        where = f" (wiersz {self.line})" if self.line else ""
        return f"{item}{where}: {self.message}"


def entry(item, message):
    return Entry(
        getattr(item, "wp_id", None),
        getattr(item, "plain_title", None) or getattr(item, "title", str(item)),
        getattr(item, "line", None),
        message,
    )


@dataclass
class Report:
    source: str
    site: str = ""
    dry_run: bool = False
    counts: dict = field(default_factory=lambda: defaultdict(Counter))
    skipped: dict = field(default_factory=lambda: defaultdict(Counter))
    warnings: list = field(default_factory=list)
    awaiting_consent: list = field(default_factory=list)
    edited_here: list = field(default_factory=list)
    removed_shortcodes: Counter = field(default_factory=Counter)

    def count(self, kind, outcome, number=1):
        self.counts[kind][outcome] += number

    def skip(self, kind, reason, number=1):
        self.skipped[kind][reason] += number

    def warn(self, item, message):
        """A warning about an item (anything with wp_id, title and line)."""
        self.warnings.append(entry(item, message))

    def summary_lines(self):
        for kind, label in KINDS.items():
            counts, skipped = self.counts[kind], self.skipped[kind]
            parts = [f"{name} {counts[outcome]}" for outcome, name in OUTCOMES.items()]
            if kind == "other":
                parts = []
            if skipped:
                reasons = ", ".join(f"{reason}: {n}" for reason, n in sorted(skipped.items()))
                parts.append(f"pominięte {sum(skipped.values())} ({reasons})")
            if parts:
                yield f"{label}: {', '.join(parts)}"

    def text(self):
        lines = [
            f"Import z WordPressa – {timezone.localtime():%Y-%m-%d %H:%M}",
            f"plik: {self.source}",
            f"witryna: {self.site}",
        ]
        if self.dry_run:
            lines.append("PRÓBA (--dry-run): nic nie zostało zapisane.")
        lines += ["", "Podsumowanie", *(f"  {line}" for line in self.summary_lines())]
        if self.removed_shortcodes:
            removed = ", ".join(f"[{name}] × {n}" for name, n in self.removed_shortcodes.items())
            lines.append(f"  usunięte nieznane skróty (shortcodes): {removed}")
        lines += self._section("Ostrzeżenia", self.warnings)
        lines += self._section(
            "Zmienione tutaj, nie nadpisane (w WordPressie też się zmieniły)", self.edited_here
        )
        lines += self._section(
            "Zdjęcia bez potwierdzonej zgody na publikację wizerunku: do sprawdzenia w "
            "panelu (do tego czasu nie są widoczne na stronie)",
            self.awaiting_consent,
        )
        return "\n".join(lines) + "\n"

    @staticmethod
    def _section(title, entries):
        if not entries:
            return []
        return ["", f"{title} ({len(entries)})", *(f"  {entry}" for entry in entries)]
