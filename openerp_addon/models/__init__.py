# -*- coding: utf-8 -*-
from . import backend
from . import binding
from . import field_map
from . import sync_run
from . import sync_run_count
from . import settings
from . import backend_sales
from . import payment_binding
from . import field_map_orders
from . import property_defaults
from . import binding_display
from . import sync_run_display
from . import record_links
from . import backend_background
from . import shop_choices
