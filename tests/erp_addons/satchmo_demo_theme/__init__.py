# -*- coding: utf-8 -*-
# A stylesheet only: no models, no data.
