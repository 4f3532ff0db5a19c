"""Read the Wagtail admin's own edit forms as a browser would submit them (without JS), and
add what its JavaScript would post for StreamFields."""

from html.parser import HTMLParser

from wagtail.blocks import RichTextBlock, StreamValue, StructBlock
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms = []
        self._form = None
        self._template_depth = 0
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "template":
            self._template_depth += 1
        if self._template_depth:
            return
        if tag == "form":
            self._form = {"attrs": attrs, "fields": []}
            self.forms.append(self._form)
        if self._form is None:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "image", "file", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            self._form["fields"].append(
                (name, attrs.get("value", "on" if kind == "checkbox" else ""))
            )
        elif tag == "textarea" and name:
            self._textarea = [name, ""]
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self._form["fields"].append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "template":
            self._template_depth -= 1
        elif tag == "textarea" and self._textarea is not None:
            if self._form is not None:
                name, value = self._textarea
                # Browsers drop the newline that directly follows <textarea>.
                self._form["fields"].append((name, value.removeprefix("\n")))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._form = None


def admin_form_data(html, form_id=None):
    """The fields of the page's main POST form as a dict (lists for repeated names)."""
    parser = _FormParser()
    parser.feed(html)
    forms = [f for f in parser.forms if f["attrs"].get("method", "").lower() == "post"]
    if form_id:
        forms = [f for f in forms if f["attrs"].get("id") == form_id]
    form = max(forms, key=lambda f: len(f["fields"]))
    data = {}
    for name, value in form["fields"]:
        if "__prefix__" in name:
            continue
        if name in data:
            existing = data[name]
            data[name] = [*existing, value] if isinstance(existing, list) else [existing, value]
        else:
            data[name] = value
    return data


def block_form_value(block, value):
    if isinstance(block, StructBlock):
        return {name: block_form_value(block.child_blocks[name], value[name]) for name in value}
    if isinstance(block, RichTextBlock):
        return rich_text(value.source)
    return getattr(value, "pk", value)


def stream_form_data(instance):
    """What the admin's JavaScript would post for each translated StreamField."""
    data = {}
    for field in instance._meta.fields:
        if isinstance(field, StreamField) and field.name[-3:] in ("_ar", "_fr", "_en"):
            value = getattr(instance, field.name)
            if not isinstance(value, StreamValue):
                continue
            data[field.name] = streamfield(
                [(child.block_type, block_form_value(child.block, child.value)) for child in value]
            )
    return nested_form_data(data)
