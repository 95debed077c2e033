"""Keyset pagination by id (docs/api.rst, "Lists").

Keyset rather than offset: a page costs the same deep in the table, and
rows inserted or deleted meanwhile never shift the next page.
"""
from satchmo_api.errors import BadRequest

DEFAULT_LIMIT = 100
MAX_LIMIT = 500
MAX_IDS = 500


def whole_number(params, name, default, minimum=0):
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise BadRequest("%s must be a whole number, not %r" % (name, raw))
    if value < minimum:
        raise BadRequest("%s must be at least %d" % (name, minimum))
    return value


def limit_of(params, default=DEFAULT_LIMIT, maximum=MAX_LIMIT):
    """The page size asked for; more than the maximum is capped, not refused."""
    return min(whole_number(params, "limit", default, minimum=1), maximum)


def ids_of(params):
    """``?ids=3,7,9`` as a sorted list of distinct ints, or None when absent."""
    raw = params.get("ids")
    if raw is None:
        return None
    try:
        ids = sorted(set(int(part) for part in raw.split(",") if part.strip()))
    except ValueError:
        raise BadRequest("ids must be comma-separated whole numbers, not %r" % raw)
    if len(ids) > MAX_IDS:
        raise BadRequest("at most %d ids at a time" % MAX_IDS)
    return ids


def page(queryset, params):
    """(rows, next_after_id or None) for the request's parameters."""
    ids = ids_of(params)
    if ids is not None:
        return list(queryset.filter(pk__in=ids).order_by("pk")) if ids else [], None
    after = whole_number(params, "after_id", 0)
    limit = limit_of(params)
    rows = list(queryset.filter(pk__gt=after).order_by("pk")[:limit + 1])
    if len(rows) > limit:
        rows = rows[:limit]
        return rows, rows[-1].pk
    return rows, None


def is_first_page(params):
    """A listing's first page (no ``ids``, no ``after_id``): the one that says the total."""
    return params.get("ids") is None and whole_number(params, "after_id", 0) == 0


def next_url(request, after_id):
    """The URL of the next page: the same query with ``after_id`` moved on."""
    if after_id is None:
        return None
    params = request.GET.copy()
    params["after_id"] = after_id
    return request.build_absolute_uri(request.path + "?" + params.urlencode())
