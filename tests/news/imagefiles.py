"""Real image files made with Pillow, for the upload rules' tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image


def encoded(image, image_format, **options):
    output = io.BytesIO()
    image.save(output, image_format, **options)
    return output.getvalue()


def upload(name, content, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type)


def camera_jpeg(width=400, height=300):
    """A phone photo: landscape pixels, EXIF saying "rotate 90°", GPS coordinates, a comment."""
    image = Image.new("RGB", (width, height), "white")
    image.paste((200, 30, 30), (0, 0, width // 4, height))  # a red band on the left
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "Telefon"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (50.0, 0.0, 46.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (20.0, 59.0, 13.0)
    return encoded(image, "JPEG", exif=exif, comment=b"Dom Seniora, pokoj 12")


def png(width=300, height=200, mode="RGBA"):
    return encoded(Image.new(mode, (width, height), (10, 120, 60, 128)), "PNG")


def webp(width=300, height=200):
    return encoded(Image.new("RGB", (width, height), "teal"), "WEBP")


def pdf():
    return encoded(Image.new("RGB", (100, 100), "white"), "PDF")


def svg():
    return (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b'<script>alert(1)</script><rect width="10" height="10"/></svg>'
    )


def truncated_jpeg():
    content = encoded(Image.effect_noise((600, 400), 64).convert("RGB"), "JPEG")
    return content[: len(content) // 2]


def bomb_png(width=12_000, height=12_000):
    """144 megapixels of one colour: a few kilobytes on disk, 144 MB once decoded."""
    return encoded(Image.new("1", (width, height)), "PNG")


def gif():
    return encoded(Image.new("RGB", (20, 20), "red"), "GIF")
