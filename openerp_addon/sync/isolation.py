# -*- coding: utf-8 -*-
"""A broken shop object fails alone; a shop that is down still stops the run.

When the shop answers a request for several objects with a 5xx, a 400 or a
body that is not JSON, it is either down (every request fails alike) or one
of those objects cannot be served (a legacy row its serializer chokes on).
The rule here tells the two apart by asking the shop for something small
that involves no object (the feed's head): if that fails too, the shop is
down and the original error goes on to stop the run, as before. If it
answers, the objects are fetched one by one; those that keep failing are
returned with the shop's answer (status and a short excerpt, never the
token) for their mapping rows, the others are imported as usual.

The same rule lets a full resync go on past a resource whose listing fails.
"""
from .client import BadResponse, ShopFailing

# The errors that may belong to one object rather than to the shop as a whole.
OBJECT_ERRORS = (ShopFailing, BadResponse)


def shop_answers(client):
    """Does the shop answer a request that involves no object?"""
    try:
        client.head()
    except Exception:
        return False
    return True


def reason_of(resource, shop_id, error):
    """A mapping row's reason: what the shop answered for this object, for people."""
    status = getattr(error, 'status', None)
    excerpt = getattr(error, 'excerpt', u'') or u''
    what = u'HTTP %s' % status if status else u'an answer that is not the API\'s'
    text = (u'The shop cannot send %s %s: it answers %s' % (resource, shop_id, what))
    if excerpt:
        text += u' (%s)' % excerpt
    return text + u'. Fix the object in the shop; the row is retried.'


def fetch_isolating(client, resource, ids):
    """Fetch ``ids``; returns (payloads, {shop id: reason}) for the objects the shop can't send.

    Raises the original error when the shop itself does not answer.
    """
    try:
        return client.fetch(resource, ids), {}
    except OBJECT_ERRORS:
        if not shop_answers(client):
            raise
    found, broken = [], {}
    for shop_id in ids:
        try:
            found.extend(client.fetch(resource, [shop_id]))
        except OBJECT_ERRORS as error:
            broken[str(shop_id)] = reason_of(resource, shop_id, error)
    if len(broken) > 1 and not found and not shop_answers(client):
        raise ShopFailing(u'The shop stopped answering while its objects were fetched one '
                          u'by one.')
    return found, broken


def listing_reason(resource, error):
    """The run's note when a full resync could not list a resource to its end."""
    return (u'Listing %s stopped at a page the shop cannot send (%s); its other pages and '
            u'the other resources were imported, nothing of %s was archived, and the cursor '
            u'was not moved, so the next run lists everything again.'
            % (resource, error, resource))
