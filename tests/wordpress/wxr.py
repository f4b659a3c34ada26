"""WXR files built by the tests, as WordPress and WordPress.com write them."""

from xml.sax.saxutils import escape

SITE = "http://stara.cus.example"
NAMESPACES = {
    "wordpress.org": "http://wordpress.org/export/{version}/",
    "wordpress.com": "http://wordpress.com/export/{version}/",
}


def cdata(text):
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def category(term_id, slug, name, parent=""):
    return (
        f"<wp:category><wp:term_id>{term_id}</wp:term_id>"
        f"<wp:category_nicename>{cdata(slug)}</wp:category_nicename>"
        f"<wp:category_parent>{cdata(parent)}</wp:category_parent>"
        f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>"
    )


def tag(term_id, slug, name):
    return (
        f"<wp:tag><wp:term_id>{term_id}</wp:term_id><wp:tag_slug>{cdata(slug)}</wp:tag_slug>"
        f"<wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>"
    )


def item(
    wp_id,
    title="",
    content="",
    *,
    post_type="post",
    status="publish",
    name=None,
    date="2023-09-12 12:00:00",
    date_gmt="2023-09-12 10:00:00",
    parent=0,
    menu_order=0,
    password="",
    categories=(),
    tags=(),
    meta=None,
    excerpt="",
    link=None,
    attachment_url="",
    comments=0,
):
    """One <item>; `link` defaults to a /YYYY/MM/DD/slug/ permalink."""
    slug = name if name is not None else f"wpis-{wp_id}"
    link = link or f"{SITE}/{date[:4]}/{date[5:7]}/{date[8:10]}/{slug}/"
    terms = "".join(
        f'<category domain="category" nicename="{escape(s)}">{cdata(n)}</category>'
        for s, n in categories
    ) + "".join(
        f'<category domain="post_tag" nicename="{escape(s)}">{cdata(n)}</category>' for s, n in tags
    )
    metas = "".join(
        f"<wp:postmeta><wp:meta_key>{cdata(k)}</wp:meta_key>"
        f"<wp:meta_value>{cdata(v)}</wp:meta_value></wp:postmeta>"
        for k, v in (meta or {}).items()
    )
    comment_xml = "".join(
        f"<wp:comment><wp:comment_id>{n}</wp:comment_id>"
        f"<wp:comment_content>{cdata('Dziękuję!')}</wp:comment_content></wp:comment>"
        for n in range(1, comments + 1)
    )
    attachment = f"<wp:attachment_url>{cdata(attachment_url)}</wp:attachment_url>"
    return f"""
    <item>
      <title>{cdata(title)}</title>
      <link>{escape(link)}</link>
      <pubDate>Tue, 12 Sep 2023 10:00:00 +0000</pubDate>
      <dc:creator>{cdata("redakcja")}</dc:creator>
      <guid isPermaLink="false">{SITE}/?p={wp_id}</guid>
      <description></description>
      <content:encoded>{cdata(content)}</content:encoded>
      <excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
      <wp:post_id>{wp_id}</wp:post_id>
      <wp:post_date>{cdata(date)}</wp:post_date>
      <wp:post_date_gmt>{cdata(date_gmt)}</wp:post_date_gmt>
      <wp:comment_status>{cdata("open")}</wp:comment_status>
      <wp:post_name>{cdata(slug)}</wp:post_name>
      <wp:status>{cdata(status)}</wp:status>
      <wp:post_parent>{parent}</wp:post_parent>
      <wp:menu_order>{menu_order}</wp:menu_order>
      <wp:post_type>{cdata(post_type)}</wp:post_type>
      <wp:post_password>{cdata(password)}</wp:post_password>
      <wp:is_sticky>0</wp:is_sticky>
      {attachment if attachment_url else ""}
      {terms}{metas}{comment_xml}
    </item>"""


def attachment(wp_id, path, *, alt="", caption="", parent=0, title="zdjęcie", site=SITE):
    """An image attachment whose file is `wp-content/uploads/<path>`."""
    url = f"{site}/wp-content/uploads/{path}"
    meta = {"_wp_attached_file": path}
    if alt:
        meta["_wp_attachment_image_alt"] = alt
    return item(
        wp_id,
        title,
        post_type="attachment",
        status="inherit",
        name=f"zalacznik-{wp_id}",
        parent=parent,
        excerpt=caption,
        attachment_url=url,
        link=f"{site}/?attachment_id={wp_id}",
        meta=meta,
    )


def export(*parts, version="1.2", host="wordpress.org", site=SITE, trailing_slash=True):
    """A whole export: `parts` are category(), tag() and item() strings, in order."""
    wp = NAMESPACES[host].format(version=version)
    if not trailing_slash:
        wp = wp.rstrip("/")
    excerpt = f"{wp.rstrip('/')}/excerpt/"
    terms = "".join(part for part in parts if not part.lstrip().startswith("<item>"))
    items = "".join(part for part in parts if part.lstrip().startswith("<item>"))
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="WordPress/6.4" created="2024-01-01 10:00" -->
<rss version="2.0"
  xmlns:excerpt="{excerpt}"
  xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:wfw="http://wellformedweb.org/CommentAPI/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:wp="{wp}">
<channel>
  <title>Centrum Usług Społecznych w Tarnowie</title>
  <link>{site}</link>
  <description>Strona CUS</description>
  <pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>
  <language>pl-PL</language>
  <wp:wxr_version>{version}</wp:wxr_version>
  <wp:base_site_url>{site}</wp:base_site_url>
  <wp:base_blog_url>{site}</wp:base_blog_url>
  {terms}
  {items}
</channel>
</rss>
"""
