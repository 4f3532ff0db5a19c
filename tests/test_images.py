"""Images go through renditions: modern format, srcset and sizes, dimensions, lazy loading."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from cities.models import CityPage
from tests.pages import url_in

pytestmark = pytest.mark.django_db


def test_city_photo_is_served_as_sized_webp_renditions(client):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 90, 120)).save(buffer, "JPEG")
    image = get_image_model().objects.create(
        title="Harbour", file=ImageFile(buffer, name="harbour.jpg")
    )
    city = CityPage.objects.get(slug_en="tangier")
    city.image = image
    city.save()
    html = client.get(url_in(city, "fr")).content.decode()
    tag = re.search(r"<img [^>]*srcset=[^>]*>", html).group(0)
    assert ".webp 400w" in tag and ".webp 800w" in tag
    assert 'sizes="' in tag
    assert 'width="800" height="450"' in tag
    assert 'loading="lazy"' in tag
    assert "harbour.jpg" not in tag  # never the original upload
