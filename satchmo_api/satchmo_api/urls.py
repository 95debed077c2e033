"""The API's URLs, mounted by the store under /api/."""
from django.conf.urls.defaults import patterns, url

from satchmo_api import views, views_ledger
from satchmo_api.serializers import PAGINATED

urlpatterns = patterns(
    "",
    url(r"^v1/$", views.ApiRoot.as_view(), name="satchmo_api_root"),
    url(r"^v1/shop/$", views.ShopDetail.as_view(), name="satchmo_api_shop"),
    url(r"^v1/payment_modules/$", views.PaymentModuleList.as_view(),
        name="satchmo_api_payment_modules"),
    url(r"^v1/changes/$", views.ChangeList.as_view(), name="satchmo_api_changes"),
    url(r"^v1/changes/head/$", views.ChangeHead.as_view(), name="satchmo_api_changes_head"),
    *[url(r"^v1/%s/$" % serializer.name, views.ResourceList.as_view(resource=serializer.name),
          name="satchmo_api_" + serializer.name) for serializer in PAGINATED]
)
urlpatterns += patterns(
    "",
    url(r"^v1/ledger/orders/$", views_ledger.OrderLedger.as_view(), name="satchmo_api_ledger"),
    url(r"^v1/ledger/ids/(?P<resource>[a-z_]+)/$", views_ledger.IdListing.as_view(),
        name="satchmo_api_ids"),
)
urlpatterns += patterns("", url(r"^(.*)$", views.NotFound.as_view()))
