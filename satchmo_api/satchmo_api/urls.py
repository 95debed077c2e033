"""The API's URLs, mounted by the store under /api/."""
from django.conf.urls.defaults import patterns, url

from satchmo_api import views

urlpatterns = patterns("", url(r"^v1/$", views.api_root, name="satchmo_api_root"))
