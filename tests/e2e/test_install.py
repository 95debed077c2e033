"""README's two install checklists, followed step by step on a plain store and a plain OpenERP.

The store is one ``clonesatchmo.py`` makes (tests/e2e/plain_store.py) on the
harness's PostgreSQL; OpenERP is the harness's server with an addons folder
of its own and a company's database without the connector
(tests/e2e/plain_erp.py). Every command, settings line, file and version the
steps use is read from README.rst's own literal blocks (readme_steps.py),
with only README's placeholders (the checkout's path, the token, the shop's
address) filled in. At the end the connector, configured as README's
"Configure a shop" says, runs one sync that imports the plain store's
catalogue and customers: every object the shop's API lists has its synced
OpenERP record.
"""
import json
import re
import time
import urllib.error
import urllib.request

from tests.harness import company, config
from tests.harness.clients import ErpRpc, ShopApi

from .plain_erp import PlainErp
from .plain_store import PlainStore
from .readme_steps import commands, inline_literals, literal_blocks, section, steps

STORE_DB, ERP_DB = "plain_store", "plain_erp"
IMPORTED = ("categories", "products", "organizations", "contacts")
INSTALLED_APPS = re.compile(r"(?ms)^INSTALLED_APPS = \((.*?)^\)")


def test_install_from_readme_into_a_plain_store_and_a_plain_openerp(stack, tmp_path):
    servers = stack.servers
    stack.stop()  # the plain store and OpenERP take the instance's ports meanwhile
    store = PlainStore(servers, tmp_path, STORE_DB)
    erp = PlainErp(servers, tmp_path, ERP_DB, template="erp_company")
    started = time.monotonic()
    try:
        store.make()
        made = time.monotonic()
        token = install_into_the_store(store)
        installed = time.monotonic()
        rpc = install_into_openerp(erp)
        connected = time.monotonic()
        run_one_sync(store, rpc, token)
        print("plain store made in %.0fs, satchmo_api installed in %.0fs, connector in %.0fs, "
              "first sync %.0fs" % (made - started, installed - made, connected - installed,
                                    time.monotonic() - connected))
    finally:
        store.stop()
        erp.stop()
        stack.start()


# -- Install into an existing store --------------------------------------------------------------
def install_into_the_store(store):
    """README's steps 1 to 8 of "Install into an existing store"; the API token."""
    checklist = steps(section("Install into an existing store"))
    assert sorted(checklist) == list(range(1, 9)), sorted(checklist)

    # 1. pip install the app into the store's environment
    [pip] = commands(literal_blocks(checklist[1])[0])
    store.shell(pip.replace("/path/to/this/checkout", str(config.REPO)), capture=False)
    where = store.shell("python -c 'import satchmo_api, os; print(os.path.dirname("
                        "satchmo_api.__file__))'").strip()
    assert where.startswith(str(store.site_packages())), where  # installed, not the checkout

    # 2. settings.py: the apps, at the end of INSTALLED_APPS
    apps = literal_blocks(checklist[2])[0]
    settings = store.project / "settings.py"
    text = settings.read_text()
    listed = INSTALLED_APPS.search(text)
    assert listed, "the store's settings.py has no INSTALLED_APPS tuple"
    settings.write_text(text[:listed.end(1)] + textwrap_apps(apps) + text[listed.end(1):])

    # 3. urls.py: README gives the whole file of Satchmo's usual layout
    (store.project / "urls.py").write_text(literal_blocks(checklist[3])[0] + "\n")

    # 4. tables, triggers, and their check
    for command in commands(literal_blocks(checklist[4])[0]):
        out = store.shell(command)
        if "satchmo_api_capture check" in command:
            assert "installed and current" in out, out

    # 5. the API user's token
    [make_token] = commands(literal_blocks(checklist[5])[0])
    token = store.shell(make_token).strip().splitlines()[-1]
    assert len(token) >= 20 and " " not in token, token

    # 6. restart every process of the store
    store.start()

    # 7. the daily crontab line, run once by hand
    for command in commands(literal_blocks(checklist[7])[0]):
        store.shell(command)

    # 8. the check: the resources with the token, 401 without
    [curl] = [c for c in inline_literals(checklist[8]) if c.startswith("curl ")]
    curl = curl.replace("<token>", token).replace("https://shop.example.com", store.url)
    root = json.loads(store.shell(curl))
    assert "products" in json.dumps(root), root
    try:
        urllib.request.urlopen(store.url + "/api/v1/", timeout=30)
    except urllib.error.HTTPError as refused:
        assert refused.code == 401, refused.code
    else:
        raise AssertionError("the API answered without a token")
    return token


def textwrap_apps(block):
    """README's INSTALLED_APPS lines, indented as the tuple's own."""
    return "".join("    %s\n" % line.strip() for line in block.splitlines() if line.strip())


# -- Install into an existing OpenERP ------------------------------------------------------------
def install_into_openerp(erp):
    """README's steps 1 to 7 of "Install into an existing OpenERP"; the admin's XML-RPC."""
    body = section("Install into an existing OpenERP")
    checklist = steps(body)
    erp.make()

    # 1. the two folders into a folder of the addons_path
    folders = [name for name in inline_literals(checklist[1]) if (config.REPO / name).is_dir()]
    assert sorted(folders) == ["openerp_addon", "product_m2mcategories"], folders
    for name in folders:
        (erp.addons / name).symlink_to(config.REPO / name)

    # 2. requests into the server's Python (the harness's pinned one: already there)
    [pip] = [c for c in inline_literals(checklist[2]) if c.startswith("pip install requests")]
    venv = erp.servers.venvs["erp"]
    from tests.harness.process import run
    run(["/bin/sh", "-c", pip], env={"PATH": "%s:/usr/bin:/bin" % (venv.path / "bin")},
        log=erp.servers.instance.log_dir / "plain-erp.log")

    # 3. restart the server
    erp.start()
    rpc = ErpRpc(erp.url, erp.db, *erp.login)

    # 4. Technical Features for the administrator, then Update Modules List
    no_one = rpc("ir.model.data", "get_object_reference", "base", "group_no_one")[1]
    rpc("res.users", "write", [rpc.uid], {"groups_id": [(4, no_one)]})
    updater = rpc("base.module.update", "create", {})
    rpc("base.module.update", "update_module", [updater])

    # 5. search "Satchmo Connector", Install
    label = re.search(r'search "([^"]+)"', checklist[5]).group(1)
    [module] = rpc("ir.module.module", "search", [("shortdesc", "=", label)])
    rpc("ir.module.module", "button_immediate_install", [module])
    depends = [name for name in inline_literals(checklist[5]) if re.match(r"^[a-z_0-9]+$", name)]
    assert "product_m2mcategories" in depends, depends
    states = dict((m["name"], m["state"]) for m in rpc(
        "ir.module.module", "read",
        rpc("ir.module.module", "search", [("name", "in", depends + ["openerp_addon"])]),
        ["name", "state"]))
    assert states == dict((name, "installed") for name in depends + ["openerp_addon"]), states

    # 6. Round globally: the company's field that the accounting settings page shows
    company_id = company.user_company(rpc)
    rpc("res.company", "write", [company_id], {"tax_calculation_rounding_method":
                                               "round_globally"})

    # 7. the administrator is a connector manager after the install
    manager = rpc("ir.model.data", "get_object_reference", "openerp_addon",
                  "group_satchmo_manager")[1]
    assert manager in rpc("res.users", "read", [rpc.uid], ["groups_id"])[0]["groups_id"]
    return rpc


# -- step 8: configure the shop, Test connection, one sync ---------------------------------------
def run_one_sync(store, rpc, token):
    shop_api = ShopApi(store.url + "/api/v1/", token)
    rates = company.shop_tax_rates(store.servers.pg, store.db)
    backend = company.configure_shop(rpc, store.url, token, shop_api, rates, "Plain store",
                                     scheduled=False)
    rpc("satchmo.backend", "action_test_connection", [backend])
    lines = rpc("satchmo.check.line", "read",
                rpc("satchmo.check.line", "search", [("backend_id", "=", backend)]),
                ["name", "state", "blocking", "message"])
    blocking = [line for line in lines if line["blocking"] and line["state"] == "todo"]
    assert not blocking, blocking
    action = rpc("satchmo.backend", "action_sync_now", [backend])
    run = rpc("satchmo.sync.run", "read", [action["res_id"]], ["state", "reason"])[0]
    assert run["state"] == "done", run
    for resource in IMPORTED:
        in_shop = set(str(o["id"]) for o in shop_api.all(resource))
        rows = rpc("satchmo.binding", "read",
                   rpc("satchmo.binding", "search", [("backend_id", "=", backend),
                                                     ("resource", "=", resource)]),
                   ["shop_id", "state", "error"])
        synced = set(r["shop_id"] for r in rows if r["state"] == "synced")
        assert in_shop and in_shop == synced, (resource, sorted(in_shop - synced), rows)
