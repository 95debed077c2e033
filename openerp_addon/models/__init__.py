# -*- coding: utf-8 -*-
from . import backend
from . import backend_secret
from . import binding
from . import field_map
from . import sync_run
from . import sync_run_count
from . import settings
from . import backend_sales
from . import payment_binding
from . import field_map_orders
from . import property_defaults
from . import history_policy
from . import checklist
from . import settings_checklist
from . import binding_review
from . import order_status
from . import discontinued
