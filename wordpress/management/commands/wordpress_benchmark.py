import io
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from PIL import Image

from news.models import Post
from wordpress.importer import Run

SITE = "http://stara-strona.example"
WORDS = [
    "Centrum",
    "Usług",
    "Społecznych",
    "zaprasza",
    "seniorów",
    "rodziny",
    "dzieci",
    "na",
    "spotkanie",
    "warsztaty",
    "piknik",
    "sąsiedzki",
    "wolontariat",
    "pomoc",
    "sąsiedzka",
    "klub",
    "seniora",
    "Tarnów",
    "osiedle",
]


def cdata(text):
    return f"<![CDATA[{text}]]>"


def paragraphs(number):
    return "\n\n".join(
        " ".join(WORDS[(number + k) % len(WORDS)] for k in range(40 + paragraph))
        for paragraph in range(4)
    )


def attachment_xml(number):
    path = f"2023/{number % 12 + 1:02d}/zdjecie-{number}.jpg"
    return f"""<item><title>{cdata(f"Zdjęcie {number}")}</title>
<link>{SITE}/?attachment_id={100000 + number}</link>
<wp:post_id>{100000 + number}</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:status>inherit</wp:status><wp:post_name>zdjecie-{number}</wp:post_name>
<wp:attachment_url>{SITE}/wp-content/uploads/{path}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>{path}</wp:meta_value>
</wp:postmeta><wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key>
<wp:meta_value>{cdata(f"Uczestnicy spotkania nr {number}")}</wp:meta_value></wp:postmeta>
</item>"""


def post_xml(number, images):
    body = paragraphs(number)
    meta = ""
    if number < images and number % 2 == 0:
        meta = (
            "<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key>"
            f"<wp:meta_value>{100000 + number}</wp:meta_value></wp:postmeta>"
        )
    elif number < images:
        url = f"{SITE}/wp-content/uploads/2023/{number % 12 + 1:02d}/zdjecie-{number}.jpg"
        body += (
            f'\n\n[caption width="800"]<img class="wp-image-{100000 + number}" src="{url}">'
            f" Spotkanie nr {number}[/caption]"
        )
    day = f"2023-{number % 12 + 1:02d}-{number % 28 + 1:02d}"
    return f"""<item><title>{cdata(f"Spotkanie nr {number} w klubie")}</title>
<link>{SITE}/{day.replace("-", "/")}/spotkanie-{number}/</link>
<content:encoded>{cdata(body)}</content:encoded><excerpt:encoded>{cdata("")}</excerpt:encoded>
<wp:post_id>{number + 1}</wp:post_id><wp:post_date>{day} 12:00:00</wp:post_date>
<wp:post_date_gmt>{day} 10:00:00</wp:post_date_gmt><wp:post_name>spotkanie-{number}</wp:post_name>
<wp:status>publish</wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>
<wp:post_type>post</wp:post_type><wp:post_password></wp:post_password>
<category domain="category" nicename="kategoria-{number % 8}">{cdata(f"Kategoria {number % 8}")}
</category>{meta}</item>"""


def write_export(path, posts, images):
    with path.open("w", encoding="utf-8") as file:
        file.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
            'xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>'
            f"<title>{escape('CUS')}</title><link>{SITE}</link>"
            f"<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>{SITE}</wp:base_site_url>"
            f"<wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        )
        for number in range(images):
            file.write(attachment_xml(number))
        for number in range(posts):
            file.write(post_xml(number, images))
        file.write("</channel></rss>\n")


def write_photos(folder, images):
    """Real JPEGs of a phone's size class (1600 × 1200), a different one each."""
    base = Image.radial_gradient("L").resize((1600, 1200)).convert("RGB")
    for number in range(images):
        path = folder / f"2023/{number % 12 + 1:02d}/zdjecie-{number}.jpg"
        path.parent.mkdir(parents=True, exist_ok=True)
        photo = base.copy()
        photo.paste((number * 37 % 255, 90, 160), (0, 0, 400 + number % 800, 300))
        output = io.BytesIO()
        photo.save(output, "JPEG", quality=85)
        path.write_bytes(output.getvalue())


class Command(BaseCommand):
    help = (
        "Generates a WordPress export of 5,000 posts with 2,000 photos in a local uploads "
        "folder, imports it as `import_wordpress --dry-run` does (everything written, then "
        "rolled back) and prints the time."
    )

    def add_arguments(self, parser):
        parser.add_argument("--posts", type=int, default=5_000)
        parser.add_argument("--images", type=int, default=2_000)

    def handle(self, *args, posts, images, **options):
        with tempfile.TemporaryDirectory(prefix="wordpress-benchmark-") as folder:
            root = Path(folder)
            started = time.perf_counter()
            write_export(root / "export.xml", posts, images)
            write_photos(root / "uploads", images)
            size = (root / "export.xml").stat().st_size / 1024**2
            self.stdout.write(
                f"Generated {posts} posts, {images} photos ({size:.1f} MB of WXR) "
                f"in {time.perf_counter() - started:.1f} s."
            )
            with override_settings(MEDIA_ROOT=root / "media"):
                started = time.perf_counter()
                report = Run(root / "export.xml", root / "uploads", dry_run=True).execute()
                elapsed = time.perf_counter() - started
        for line in report.summary_lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(
            f"Imported in {elapsed:.1f} s ({posts / elapsed:.0f} posts/s), then rolled back: "
            f"{Post.objects.count()} posts in the database, as before."
        )
