"""What every resource serializer does: one page of rows to JSON-ready dicts.

Not DRF serializers: a page is built from one query for the rows plus one
query per kind of child row for the whole page (Django 1.3 has no
prefetch_related), so the number of queries per page is constant whatever
the page size. ``children`` loads those batches; ``represent`` turns one
row into a dict using them.
"""
from collections import defaultdict


class ResourceSerializer(object):
    name = None          # the resource's name on the wire
    model = None

    def queryset(self):
        return self.model._default_manager.all()

    def children(self, rows):
        """Batched child rows of a page, keyed as ``represent`` needs."""
        return {}

    def represent(self, row, children):
        raise NotImplementedError

    def page(self, rows):
        children = self.children(rows)
        return [self.represent(row, children) for row in rows]


def group_by(items, key):
    """``{key(item): [items...]}`` keeping the query's order."""
    groups = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return groups


def ids_of(rows):
    return [row.pk for row in rows]
