from django.http import HttpResponseServerError
from django.template import loader


def server_error(request):
    """Like Django's default, but with the request so the page speaks the visitor's language."""
    template = loader.get_template("500.html")
    return HttpResponseServerError(template.render({}, request))
