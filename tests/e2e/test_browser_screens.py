"""The connector's screens as a person sees them, with the demo stylesheet.

The web client from PyPI has no stylesheet; the e2e server loads the demo-only
addon tests/erp_addons/satchmo_demo_theme server-wide (tests/harness/erp.py).
Headless Chromium logs in, opens each of the connector's screens by its action
(Settings, Shops list and form, Failures, Sync runs and their graph, and
Reconciliation when its action is installed), screenshots it
into var/<instance>/artifacts/browser-screen-*.png, and asserts on the layout
through the DOM and computed style: the top menu bar above, the left menu
beside the content, list rows as a table under its header, form fields with
their label on the left, and nothing the client hides left showing.
"""
import pytest

from tests.e2e.shopcheck import synced_shop
from tests.harness.browser import Browser

MODULE = "openerp_addon"
# (screenshot name, action xml id, what to show): "list", "form" (the first row of the
# list, opened), "graph", or None for the action's own first view
SCREENS = (
    ("1-settings", "action_satchmo_config_settings", None),
    ("2-shops", "action_satchmo_backend", "list"),
    ("3-shop-form", "action_satchmo_backend", "form"),
    ("4-failures", "action_satchmo_binding_failures", "list"),
    ("5-sync-runs", "action_satchmo_sync_run", "list"),
    ("6-sync-run-form", "action_satchmo_sync_run", "form"),
    ("7-sync-runs-graph", "action_satchmo_sync_run", "graph"),
    ("8-reconciliation", "action_satchmo_reconciliation", "list"),
    ("8-reconciliation-form", "action_satchmo_reconciliation", "form"),
    ("9-previews", "action_satchmo_preview", "list"),
    ("10-preview-form", "action_satchmo_preview", "form"),
)

# Boxes and styles of what the web client shows, measured in the page.
LAYOUT = """
function box(e) { var r = e.getBoundingClientRect();
                  return {left: r.left, right: r.right, top: r.top, bottom: r.bottom,
                          width: r.width, height: r.height}; }
function shown(e) { return e.offsetParent !== null && e.getClientRects().length > 0; }
function all(sel) { return Array.prototype.filter.call(document.querySelectorAll(sel), shown); }
var top = document.querySelector('td.oe_topbar'), left = document.querySelector('td.oe_leftbar'),
    app = document.querySelector('td.oe_application');
var menus = all('.oe_topbar ul.oe_menu > li');
var out = {topbar: box(top), leftbar: box(left), application: box(app),
           topmenu_tops: menus.map(function (e) { return box(e).top; }),
           leftmenu_links: all('.oe_secondary_menu ul.oe_secondary_submenu a').length,
           hidden_showing: all('.oe_form_invisible, .oe_hidden').length};
var list = all('.oe_application table.oe_list_content')[0];
if (list) {
    var heads = Array.prototype.filter.call(list.querySelectorAll('thead th'), shown);
    var rows = Array.prototype.filter.call(list.querySelectorAll('tbody tr[data-id]'), shown);
    out.list = {display: getComputedStyle(list).display, width: box(list).width,
                heads: heads.map(function (e) { return [e.textContent.trim(), box(e)]; }),
                rows: rows.map(function (r) {
                    return {display: getComputedStyle(r).display, box: box(r),
                            cells: Array.prototype.map.call(r.cells, box)}; })};
}
out.labels = all('.oe_application td.oe_form_group_cell_label').map(function (cell) {
    var field = cell.nextElementSibling;
    return [cell.textContent.trim(), box(cell), field && shown(field) ? box(field) : null];
});
out.statusbar = all('.oe_application .oe_form_field_status li').map(box);
out.tabs = all('.oe_application ul.oe_notebook > li').map(box);
out.pages = all('.oe_application .oe_notebook_page').length;
out.graph = all('.oe_application .oe_view_manager_view_graph canvas').map(box);
return out;
"""


def action_id(stack, xmlid):
    """The action's database id, or None when its module part is not installed."""
    found = stack.erp("ir.model.data", "search", [("module", "=", MODULE),
                                                  ("name", "=", xmlid)])
    if not found:
        return None
    return stack.erp("ir.model.data", "read", found, ["res_id"])[0]["res_id"]


@pytest.fixture
def browser(stack):
    with Browser(stack.instance.dir / "artifacts",
                 log=stack.instance.log_dir / "browser.log") as running:
        yield running


def open_screen(stack, browser, action, show):
    """The screen on the page; which view it shows ("list", "form" or "graph")."""
    browser.open_action(stack.erp_url, action, "graph" if show == "graph" else None)
    current = ".oe_application .oe_view_manager_view_"
    # a view's container is there before the view is drawn in it: look for what is drawn;
    # a form shows the lists of its one2many fields too, so the form first
    drawn = {"form": " table.oe_form_group", "graph": " canvas", "list": " .oe_list_content"}
    # a graph asked for: the list of the screen before may still show while it is drawn
    kinds = ("graph",) if show == "graph" else ("form", "graph", "list")
    view = browser.wait(lambda d: [kind for kind in kinds
                                   if browser.visible(current + kind + drawn[kind])],
                        what="the view of action %s" % action)[0]
    if show == "form" and view == "list":
        row = browser.wait(lambda d: browser.visible(
            ".oe_application .oe_list_content tbody tr[data-id]"),
            what="a row to open")[0]
        row.click()
        browser.wait(lambda d: browser.visible(current + "form" + drawn["form"]),
                     what="the form of the row")
        view = "form"
    if view == "graph":
        browser.wait(lambda d: browser.visible(".oe_application canvas"),
                     what="the graph drawn")
    # the client's "Loading" sign: gone once every call of the screen has answered
    browser.wait(lambda d: not browser.visible(".oe_loading"), what="the screen loaded")
    return view


def assert_frame(layout):
    """Top menu bar across the page, the left menu beside the content, below it."""
    top, left, app = layout["topbar"], layout["leftbar"], layout["application"]
    assert top["height"] > 20 and top["bottom"] <= left["top"] + 1, layout
    assert len(set(layout["topmenu_tops"])) == 1, "top menu items on one line: %s" % layout
    assert left["width"] >= 150 and left["right"] <= app["left"] + 1, layout
    assert left["top"] < app["bottom"] and app["top"] < left["bottom"], "side by side"
    assert layout["leftmenu_links"] > 0, "the left menu lists the connector's screens"
    assert layout["hidden_showing"] == 0, "what the client hides is not displayed"


def assert_list(layout):
    """A table: a header row of columns, every record a row beneath with one cell per column."""
    listing = layout["list"]
    assert listing and listing["display"] == "table", layout
    heads = [box for _label, box in listing["heads"]]
    assert len(heads) >= 2 and len({round(b["top"]) for b in heads}) == 1, listing["heads"]
    assert [label for label, _box in listing["heads"] if label], "named columns"
    for row in listing["rows"]:
        assert row["display"] == "table-row", row
        assert row["box"]["top"] >= heads[0]["bottom"] - 1, "rows below the header"
        assert len({round(c["top"]) for c in row["cells"]}) == 1, "cells side by side"
        lefts = [c["left"] for c in row["cells"]]
        assert lefts == sorted(lefts)
        # each cell under its column's header
        columns = sorted(round(b["left"]) for b in heads)
        assert all(round(c["left"]) in columns for c in row["cells"]), (row, columns)


def assert_form(layout):
    """Every labelled field has its label on its left, on the same line; two columns."""
    labelled = [(label, cell, field) for label, cell, field in layout["labels"]
                if label and field]
    assert len(labelled) >= 2, layout["labels"]
    for label, cell, field in labelled:
        assert cell["right"] <= field["left"] + 1, (label, cell, field)
        assert cell["top"] < field["bottom"] and field["top"] < cell["bottom"], (label, cell,
                                                                                field)
    tabs = layout["tabs"]
    if tabs:
        assert len({round(t["top"]) for t in tabs}) == 1, "notebook tabs on one line"
        assert layout["pages"] == 1, "one notebook page shown at a time"
    steps = layout["statusbar"]
    if len(steps) > 1:
        assert len({round(s["top"]) for s in steps}) == 1, "statusbar steps on one line"


def test_the_connectors_screens_are_laid_out_as_openerp_7_shows_them(stack, browser):
    shop = synced_shop(stack)  # a first sync done: runs, shops and mapping rows to show
    # a preview and a reconciliation made, so their lists have a row (an empty list shows the action's help instead)
    stack.erp("satchmo.backend", "action_preview", [shop.backend_id])
    stack.erp("satchmo.backend", "action_reconcile", [shop.backend_id])
    browser.login(stack.erp_url, stack.erp_db, stack.erp_login, stack.erp_password)
    browser.screenshot("screen-0-home")
    shown, skipped, two_columns = [], [], False
    for name, xmlid, show in SCREENS:
        action = action_id(stack, xmlid)
        if action is None:
            skipped.append(xmlid)
            continue
        view = open_screen(stack, browser, action, show)
        layout = browser.driver.execute_script(LAYOUT)
        browser.screenshot("screen-%s" % name)
        assert_frame(layout)
        if view == "list":
            assert_list(layout)
        elif view == "form":
            assert_form(layout)
            two_columns |= len({round(cell["left"]) for _l, cell, field in layout["labels"]
                                if field}) >= 2
        else:
            assert layout["graph"] and layout["graph"][0]["width"] > 200, layout["graph"]
        shown.append((name, view))
    assert two_columns, "a form lays its fields out in two labelled columns"
    print("screens: %s; not installed: %s" % (shown, skipped or "none"))
