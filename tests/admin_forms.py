"""Read the Wagtail admin's own edit forms as a browser would submit them (without JS)."""

from html.parser import HTMLParser


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
