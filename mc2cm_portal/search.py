"""Site search: pages and documents in the visitor's language."""

from django.shortcuts import render


def search(request):
    return render(request, "mc2cm_portal/search.html", {"query": request.GET.get("q", "")})
