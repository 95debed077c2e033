# -*- coding: utf-8 -*-
from . import backend
from . import binding
from . import sync_run
from . import settings
