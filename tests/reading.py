"""How tests read a page as a person does."""

NBSP = "\u00a0"


def as_read(html):
    """The page with its non-breaking spaces (Polish typography, cus_site/typography.py) read as
    the spaces a person sees; tests that check where a line may break look for NBSP itself."""
    return html.replace(NBSP, " ")
