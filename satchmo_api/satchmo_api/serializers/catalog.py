"""Countries, categories and tax classes: the reference data products and
addresses point at."""
from l10n.models import AdminArea, Country
from product.models import Category, TaxClass

from satchmo_api.serializers.base import ResourceSerializer, group_by, ids_of


class CountrySerializer(ResourceSerializer):
    name = "countries"
    model = Country

    def children(self, rows):
        areas = AdminArea.objects.filter(country__in=ids_of(rows)).order_by("id")
        return {"areas": group_by(areas, lambda area: area.country_id)}

    def represent(self, country, children):
        return {
            "id": country.id,
            "iso2_code": country.iso2_code,
            "iso3_code": country.iso3_code,
            "name": country.name,
            "printable_name": country.printable_name,
            "active": country.active,
            "admin_areas": [{"id": area.id, "name": area.name, "abbrev": area.abbrev,
                             "active": area.active}
                            for area in children["areas"].get(country.id, [])],
        }


class CategorySerializer(ResourceSerializer):
    name = "categories"
    model = Category

    def represent(self, category, children):
        return {
            "id": category.id,
            "name": category.name,
            "slug": category.slug,
            "parent_id": category.parent_id,
            "active": category.is_active,
            "description": category.description,
            "ordering": category.ordering,
        }


class TaxClassSerializer(ResourceSerializer):
    name = "tax_classes"
    model = TaxClass

    def represent(self, tax_class, children):
        return {"id": tax_class.id, "title": tax_class.title,
                "description": tax_class.description}
