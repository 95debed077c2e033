# -*- coding: utf-8 -*-
"""The pull pipeline: plain Python, no OpenERP model definitions."""
