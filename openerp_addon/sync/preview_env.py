# -*- coding: utf-8 -*-
"""The import as a preview sees it: every outcome noted, workflow steps only said.

``PreviewEnv`` is the pipeline's ``Env`` with two differences:

- each object's outcome (create, update, delete, skip, fail and why) is
  noted in a ``Findings`` kept in memory, with, for an update, the fields
  that would change (old -> new) read from the record before it is written;
- the order workflow's switches (confirm, invoice, validate, register
  payments) read as switched off, so no order is confirmed and no invoice or
  voucher is validated: no invoice or voucher number is taken from the
  journals' sequences. What those steps would do is noted as "would ...".

The findings live in Python, never in the preview's transaction, which is
rolled back: only what they say is stored afterwards (sync/preview.py).
"""
from .display import object_name
from .importer import Env

# Findings kept per preview (the counts go on beyond: they are always complete).
MAX_LINES = 1000
WORKFLOW_SWITCHES = (('confirm_orders', u'confirm the order'),
                     ('create_invoices', u'create its invoice'),
                     ('validate_invoices', u'validate the invoice'),
                     ('register_payments', u'register its payments'))
OUTCOME = {'created': 'create', 'updated': 'update', 'failed': 'fail', 'skipped': 'skip',
           'unchanged': 'unchanged'}


class Findings(object):
    """What a preview found: counts per resource and outcome, and a bounded list of lines."""

    def __init__(self):
        self.counts = {}   # resource -> {outcome: n}
        self.lines = []    # dicts for satchmo.preview.line
        self.left_out = 0  # lines not kept past MAX_LINES

    def note(self, resource, shop_id, outcome, name=None, reason=None, changes=None):
        row = self.counts.setdefault(resource, {})
        row[outcome] = row.get(outcome, 0) + 1
        if outcome == 'unchanged':
            return
        if len(self.lines) >= MAX_LINES:
            self.left_out += 1
            return
        self.lines.append({'resource': resource, 'shop_id': u'%s' % shop_id,
                           'outcome': outcome, 'name': name or u'%s %s' % (resource, shop_id),
                           'reason': reason or False, 'changes': changes or False})


class SwitchedOff(object):
    """The backend as the preview's importers read it: the workflow switches off."""

    def __init__(self, backend):
        self._backend = backend

    def __getattr__(self, name):
        if name in dict(WORKFLOW_SWITCHES):
            return False
        return getattr(self._backend, name)


def _plain(column, value):
    """A field's value in a comparable, readable form (many2one as its id)."""
    if column._type == 'many2one':
        return value[0] if isinstance(value, (list, tuple)) and value else (value or False)
    if column._type == 'many2many':
        if isinstance(value, list) and value and isinstance(value[0], (list, tuple)):
            ids = set()
            for command in value:  # what a write gets: [(6, 0, ids)] / [(4, id)]
                if command[0] == 6:
                    ids = set(command[2])
                elif command[0] == 4:
                    ids.add(command[1])
            return sorted(ids)
        return sorted(value or [])
    if column._type in ('float', 'integer'):
        return round(float(value or 0.0), 6)
    return value or False


def _shown(pool, cr, uid, column, plain, context):
    if column._type == 'many2one' and plain:
        names = pool.get(column._obj).name_get(cr, uid, [plain], context=context)
        return names and names[0][1] or plain
    if column._type == 'many2many':
        return u', '.join(n for _, n in pool.get(column._obj).name_get(
            cr, uid, plain, context=context)) or u'(none)'
    return u'(empty)' if plain is False else plain


def field_changes(pool, cr, uid, model_name, res_id, values, context=None):
    """"field: old -> new" lines of ``values`` against the record as it is now."""
    model = pool.get(model_name)
    columns = dict((name, model._all_columns[name].column) for name in values
                   if name in model._all_columns
                   and model._all_columns[name].column._type != 'one2many')
    if not columns:
        return u''
    current = model.read(cr, uid, [res_id], list(columns), context=context)[0]
    lines = []
    for name, column in sorted(columns.items()):
        old, new = _plain(column, current[name]), _plain(column, values[name])
        if old != new:
            lines.append(u'%s: %s -> %s' % (column.string, _shown(pool, cr, uid, column, old,
                                                                   context),
                                            _shown(pool, cr, uid, column, new, context)))
    return u'\n'.join(lines)


class Observed(object):
    """An importer whose ``apply`` first notes the fields it is about to change."""

    def __init__(self, importer, env):
        self._importer = importer
        self._env = env

    def __getattr__(self, name):
        return getattr(self._importer, name)

    def apply(self, payload, values, res_id):
        if res_id:
            env = self._env
            env.changes[(self._importer.resource, u'%s' % payload['id'])] = field_changes(
                env.pool, env.cr, env.uid, self._importer.model_for(payload), res_id, values,
                context=env.context)
        return self._importer.apply(payload, values, res_id)


class PreviewEnv(Env):
    """An Env that notes every outcome in ``findings`` and never runs the order workflow."""

    def __init__(self, cr, uid, pool, backend, client, binder, context=None):
        super(PreviewEnv, self).__init__(cr, uid, pool, SwitchedOff(backend), client, binder,
                                         context)
        self.real_backend = backend
        self.findings = Findings()
        self.changes = {}

    def importer(self, resource):
        if resource not in self._importers:
            self._importers[resource] = Observed(super(PreviewEnv, self).importer(resource),
                                                 self)
        return self._importers[resource]

    def import_one(self, resource, payload, force=False):
        skipped_before = dict(self.counts.skipped_why)
        outcome = super(PreviewEnv, self).import_one(resource, payload, force)
        shop_id = u'%s' % payload['id']
        reason = None
        if outcome == 'failed':
            row = self.binder.get(resource, payload['id'])
            reason = row and row.error or None
        elif outcome == 'skipped':
            reason = u'; '.join(why for (r, why), n in self.counts.skipped_why.items()
                                if r == resource and n > skipped_before.get((r, why), 0))
        elif resource == 'orders' and outcome in ('created', 'updated'):
            reason = self._would(payload)
        self.findings.note(resource, shop_id, OUTCOME[outcome], object_name(resource, payload),
                           reason, self.changes.pop((resource, shop_id), None))
        return outcome

    def _would(self, payload):
        """What the workflow would do next to this order, by the shop's switches."""
        if (payload.get('status') or u'').lower() == 'cancelled':
            return None
        steps = []
        for switch, words in WORKFLOW_SWITCHES:
            if not getattr(self.real_backend, switch):
                break
            steps.append(words)
        return steps and u'Would then %s (not done in a preview).' % u', '.join(steps) or None

    def delete_one(self, resource, shop_id):
        outcome = super(PreviewEnv, self).delete_one(resource, shop_id)
        row = self.binder.get(resource, shop_id)
        if outcome == 'updated':
            self.findings.note(resource, shop_id, 'delete', row and row.object_name,
                               u'Deleted in the shop: its record would be archived.')
        elif outcome == 'failed':
            self.findings.note(resource, shop_id, 'fail', row and row.object_name,
                               row and row.error)
        else:
            self.findings.note(resource, shop_id, 'unchanged')
        return outcome

    def fail_one(self, resource, shop_id, reason):
        outcome = super(PreviewEnv, self).fail_one(resource, shop_id, reason)
        self.findings.note(resource, shop_id, 'fail', None, reason)
        return outcome
