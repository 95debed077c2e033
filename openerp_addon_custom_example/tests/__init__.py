# -*- coding: utf-8 -*-
from . import test_custom_mapping

fast_suite = [test_custom_mapping]
checks = []
