"""How fast is the search with 10,000 posts? Builds them, asks PostgreSQL, throws them away.

The posts are made of Polish-looking words drawn from a vocabulary of 30,000 with a Zipf
distribution (a few words everywhere, most words rare, as in real text), and one post in twenty
quotes a post of the demo content, so the words residents search for ("seniorzy", "tężnia",
"warsztaty") match some hundreds of posts, not one. Everything happens in one transaction that
is rolled back, so the command is safe on a database with real content.
"""

import random
import re
import time
from itertools import accumulate, chain

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.utils import timezone

from cus_site.seed import read_seed
from news.models import Post
from search import words
from search.models import SearchEntry, SearchWord

QUERIES = [
    "seniorzy",
    "seniorów",
    "seniorami",
    "dzien rodzicielstwa",
    "tężnia",
    "tezni",
    "warsztaty plastyczne",
    "senjorzy",
]
# Polish-looking syllables for words no one will search for.
SYLLABLES = ("ka", "ro", "wi", "sze", "to", "mi", "la", "po", "dy", "ne", "cho", "rzy", "wa", "sta")
INDEXES = ("search_entry_document", "search_word_trgm")
EXECUTION_TIME = re.compile(r"Execution Time: ([\d.]+) ms")


class Rollback(Exception):
    """Raised at the end to undo everything the benchmark wrote."""


def vocabulary(rng, size):
    found = set()
    while len(found) < size:
        found.add("".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))))
    return sorted(found)


def fake_posts(count, seed_posts, rng=None):
    """`count` unsaved published posts of random text, one in twenty quoting a seed post."""
    rng = rng or random.Random(8)
    vocab = vocabulary(rng, 30_000)
    cumulative = list(accumulate(1 / rank for rank in range(1, len(vocab) + 1)))
    now = timezone.now()

    def sentence(length):
        return " ".join(rng.choices(vocab, cum_weights=cumulative, k=length)).capitalize() + "."

    posts = []
    for number in range(count):
        title, lead = sentence(7), sentence(30)
        if rng.random() < 0.05:
            quoted = rng.choice(seed_posts)
            title, lead = f"{quoted.title} {title}", f"{quoted.lead} {lead}"
        body = "".join(f"<p>{sentence(25)}</p>" for _ in range(10))
        posts.append(
            Post(
                title_pl=title[:250],
                slug_pl=f"benchmark-{number}",
                lead_pl=lead,
                body_pl=body,
                status=Post.Status.PUBLISHED,
                published_at=now - timezone.timedelta(hours=number),
            )
        )
    return posts


def add_indexed_posts(posts):
    """Save the posts and their index entries in bulk (bulk_create sends no signals)."""
    saved = Post.objects.bulk_create(posts, batch_size=1000)
    entries = chain.from_iterable(SearchEntry.objects.entries(post) for post in saved)
    entries = SearchEntry.objects.bulk_create(entries, batch_size=1000)
    SearchWord.objects.add(entries)
    with connection.cursor() as cursor:
        # What autovacuum would do soon after: merge GIN's pending list, gather statistics.
        cursor.execute("SELECT gin_clean_pending_list('search_entry_document')")
        cursor.execute("SELECT gin_clean_pending_list('search_word_trgm')")
        cursor.execute("ANALYZE news_post, search_searchentry, search_searchword")
    return saved


def explain(sql, params):
    """The plan with times of the query's last of three runs (the first warms the cache)."""
    with connection.cursor() as cursor:
        for _run in range(3):
            cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
            plan = "\n".join(row[0] for row in cursor.fetchall())
    return plan


def measured(query):
    """Plans and times of what the page asks: the results, their count and, only when the
    words find nothing, the vocabulary's nearest words."""
    terms = words.query_terms(query)
    results = SearchEntry.objects.search(terms, "pl")
    words_plan = ""
    if not results.exists():
        first, *others = (SearchWord.objects.nearest(term) for term in terms)
        words_plan = explain(*first.union(*others, all=True).query.sql_with_params())
        results = SearchEntry.objects.search(SearchWord.objects.correct(terms), "pl")
    page_plan = explain(*results[:10].query.sql_with_params())
    count_sql, count_params = results.order_by().values("pk").query.sql_with_params()
    count_plan = explain(f"SELECT count(*) FROM ({count_sql}) AS found", count_params)
    return {
        "plans": f"{words_plan}\n{page_plan}\n{count_plan}",
        "words": execution_ms(words_plan) if words_plan else None,
        "page": execution_ms(page_plan),
        "count": execution_ms(count_plan),
        "matches": results.count(),
    }


def execution_ms(plan):
    return float(EXECUTION_TIME.search(plan)[1])


class Command(BaseCommand):
    help = (
        "Builds 10,000 posts and their search entries in a transaction, prints EXPLAIN ANALYZE "
        "times of a few searches and whether the GIN indexes were used, then rolls back."
    )

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=10_000)
        parser.add_argument("--plans", action="store_true", help="Print the query plans too.")

    def handle(self, *args, **options):
        try:
            with transaction.atomic():
                self.run(options["posts"], options["plans"])
                raise Rollback
        except Rollback:
            self.stdout.write("Rolled back: the database is as it was.")

    def run(self, count, show_plans):
        started = time.perf_counter()
        add_indexed_posts(fake_posts(count, read_seed().posts))
        entries = SearchEntry.objects.filter(language="pl").count()
        self.stdout.write(
            f"Built {count} posts, {entries} Polish entries "
            f"({SearchEntry.objects.count()} in all) in {time.perf_counter() - started:.1f} s."
        )
        self.stdout.write(
            "Execution times at the database (EXPLAIN ANALYZE, warm cache), in ms; "
            "'nearest' runs only when the words as typed find nothing:"
        )
        self.stdout.write(
            f"{'query':<22}{'matches':>8}{'page':>8}{'count':>8}{'nearest':>9}  indexes used"
        )
        for query in QUERIES:
            found = measured(query)
            used = [name for name in INDEXES if name in found["plans"]]
            nearest = f"{found['words']:.2f}" if found["words"] is not None else "–"
            self.stdout.write(
                f"{query:<22}{found['matches']:>8}{found['page']:>8.2f}{found['count']:>8.2f}"
                f"{nearest:>9}  {', '.join(used) or 'NONE (a scan)'}"
            )
            if show_plans:
                self.stdout.write(found["plans"])
