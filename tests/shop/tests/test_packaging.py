# -*- coding: utf-8 -*-
"""satchmo_api as a store installs it: an sdist that ships what the app needs, and
requirements that never replace the store's own Django or Satchmo."""
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import unittest

SOURCE = os.path.join(os.path.dirname(__file__), os.pardir, os.pardir, os.pardir,
                      "satchmo_api")


class SdistTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.scratch = tempfile.mkdtemp(prefix="satchmo_api_sdist_")
        source = os.path.join(cls.scratch, "src")
        shutil.copytree(SOURCE, source, ignore=shutil.ignore_patterns(
            "*.pyc", "*.egg-info", "__pycache__"))
        with open(os.devnull, "w") as quiet:
            subprocess.check_call([sys.executable, "setup.py", "-q", "sdist", "-d",
                                   cls.scratch], cwd=source, stdout=quiet, stderr=quiet)
        archive = [name for name in os.listdir(cls.scratch) if name.endswith(".tar.gz")][0]
        with tarfile.open(os.path.join(cls.scratch, archive)) as sdist:
            cls.names = sdist.getnames()
            requires = [name for name in cls.names if name.endswith("egg-info/requires.txt")]
            cls.requires = sdist.extractfile(requires[0]).read().decode("utf-8").split()

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.scratch)

    def test_every_file_the_app_needs_is_shipped(self):
        """Non-Python files of the app (SQL, templates, fixtures) go into the sdist too."""
        package = os.path.join(SOURCE, "satchmo_api")
        data = set()
        for folder, _, files in os.walk(package):
            for name in files:
                if not name.endswith((".py", ".pyc")):
                    data.add(os.path.relpath(os.path.join(folder, name), SOURCE))
        shipped = set(name.split("/", 1)[1] for name in self.names if "/" in name)
        self.assertEqual(data - shipped, set())
        self.assertIn("README.rst", shipped)

    def test_only_rest_framework_is_required(self):
        """Django and Satchmo are the store's: pip must not upgrade or reinstall them."""
        self.assertEqual(len(self.requires), 1, self.requires)
        self.assertTrue(self.requires[0].startswith("djangorestframework"), self.requires)
        self.assertIn("<2.4", self.requires[0])
