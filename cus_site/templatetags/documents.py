from django import template

from cus_site.documents import size_label

register = template.Library()


@register.filter
def file_size(size):
    """`{{ document.size|file_size }}`: "245 KB", "1,2 MB", as the document rules show sizes."""
    return size_label(size)
