"""URLs of the demo store: Satchmo's own, plus the API under /api/."""
from django.conf.urls.defaults import include, patterns

from satchmo_store.urls import urlpatterns as satchmo_patterns

urlpatterns = patterns("", (r"^api/", include("satchmo_api.urls"))) + satchmo_patterns
