"""One serializer per resource; ``RESOURCES`` names them in the root's order."""
from satchmo_api.serializers.catalog import CategorySerializer, CountrySerializer, TaxClassSerializer
from satchmo_api.serializers.contacts import ContactSerializer, OrganizationSerializer
from satchmo_api.serializers.orders import OrderSerializer
from satchmo_api.serializers.products import ProductSerializer

PAGINATED = (CountrySerializer, CategorySerializer, TaxClassSerializer, ProductSerializer,
             OrganizationSerializer, ContactSerializer, OrderSerializer)

BY_NAME = dict((serializer.name, serializer) for serializer in PAGINATED)
