"""Images go through renditions: modern format, srcset and sizes, dimensions, lazy loading."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from wagtail.images import get_image_model

from action.models import PilotProjectPage
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
    city.image_alt_en = "The harbour"
    city.save()
    html = client.get(url_in(city, "fr")).content.decode()
    tag = re.search(r"<img [^>]*srcset=[^>]*>", html).group(0)
    assert ".webp 400w" in tag and ".webp 800w" in tag
    assert 'sizes="' in tag
    assert 'width="800"' in tag and 'height="450"' in tag
    assert 'loading="lazy"' in tag
    assert "harbour.jpg" not in tag  # never the original upload


def test_a_browser_gets_each_rendition_as_stored_with_its_length(client):
    """Every browser asks for gzip: a WebP is compressed already, so it comes as it is, and
    with its length (it used to be gzipped again on the way, without a length)."""
    city = CityPage.objects.get(slug_en="tangier")
    city.image = harbour_image()
    city.image_alt_en = "The harbour"
    city.save()
    html = client.get(url_in(city, "en")).content.decode()
    src = re.search(r'<img [^>]*src="([^"]+\.webp)"', html).group(1)
    response = client.get(src, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert not response.has_header("Content-Encoding"), response["Content-Encoding"]
    body = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(body)
    assert body[:4] == b"RIFF" and body[8:12] == b"WEBP"


def harbour_image():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), (30, 90, 120)).save(buffer, "JPEG")
    return get_image_model().objects.create(
        title="Harbour", file=ImageFile(buffer, name="harbour.jpg")
    )


ALT = {
    "ar": "ميناء طنجة والمدينة القديمة من البحر",
    "fr": "Le port de Tanger et la médina vus de la mer",
    "en": "The port of Tangier and the medina seen from the sea",
}


@pytest.mark.parametrize("language", ALT)
def test_the_city_photograph_is_described_in_the_readers_language(client, language):
    city = CityPage.objects.get(slug_en="tangier")
    city.image = harbour_image()
    for code, text in ALT.items():
        setattr(city, f"image_alt_{code}", text)
    city.save()
    html = client.get(url_in(city, language)).content.decode()
    tag = re.search(r"<img [^>]*srcset=[^>]*>", html).group(0)
    assert f'alt="{ALT[language]}"' in tag
    assert " lang=" not in tag and " dir=" not in tag


def test_a_missing_translation_of_the_description_falls_back_marked_by_language(client):
    city = CityPage.objects.get(slug_en="tangier")
    city.image = harbour_image()
    city.image_alt_en = ALT["en"]
    city.save()
    tag = re.search(r"<img [^>]*srcset=[^>]*>", client.get(url_in(city, "ar")).content.decode())
    assert f'alt="{ALT["en"]}"' in tag.group(0) and 'lang="en"' in tag.group(0)
    assert 'dir="ltr"' in tag.group(0)  # English words read left to right on the Arabic page


def test_editors_describe_the_photograph_before_saving():
    """Through the admin's edit form: a photograph without description is refused, with the
    typed text kept; described in one language, it saves."""
    from django.utils.html import escape

    from tests.staff import edit_form, post_edit, staff_client

    editor = staff_client("edna", "Editors")
    city = CityPage.objects.get(slug_en="tangier")
    data = edit_form(editor, city)
    data["image"] = str(harbour_image().pk)
    data["official_name_fr"] = "Commune de Tanger, nom retravaillé à garder"
    response = post_edit(editor, city, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert escape("Describe the photograph in at least one language") in html
    assert 'value="Commune de Tanger, nom retravaillé à garder"' in html

    data["image_alt_fr"] = ALT["fr"]
    assert post_edit(editor, city, data).status_code == 302
    draft = CityPage.objects.get(pk=city.pk).get_latest_revision_as_object()
    assert draft.image_alt_fr == ALT["fr"]


def test_an_image_in_a_page_body_is_served_as_sized_webp_renditions(client):
    project = PilotProjectPage.objects.live().first()
    project.body_en = [
        ("image", {"image": harbour_image(), "alt_text": "Fishing boats", "caption": "The port"})
    ]
    project.save_revision().publish()
    html = client.get(url_in(project, "en")).content.decode()
    figure = html.split('<figure class="figure">')[-1].split("</figure>")[0]
    tag = re.search(r"<img [^>]*>", figure).group(0)
    assert ".webp 400w" in tag and ".webp 800w" in tag
    assert 'sizes="(min-width: 50rem) 50rem, 100vw"' in tag
    assert 'alt="Fishing boats"' in tag and 'loading="lazy"' in tag
    assert re.search(r' width="\d+"', tag) and re.search(r' height="\d+"', tag)
    assert "<figcaption>The port</figcaption>" in figure
