"""satchmo_api: a read-only REST API over a Satchmo store, for ERP synchronisation.

It goes into a running store: installing it must never change the store's own
packages. Django and Satchmo are the store's, so they are not requirements
(pip would otherwise be free to upgrade or reinstall them); the only package
the app brings is Django REST framework, in the 2.3 series, the last one that
runs on Django 1.3. Install with ``pip install --no-deps`` when the store
already has it. Files of the app that are not Python (SQL, templates,
fixtures) ship in the sdist through MANIFEST.in and include_package_data.
"""
from setuptools import find_packages, setup

setup(
    name="satchmo_api",
    version="0.1.0",
    description="Read-only REST API and change feed over a Satchmo 0.9 store",
    long_description=open("README.rst").read(),
    packages=find_packages(),
    include_package_data=True,
    zip_safe=False,
    install_requires=[
        "djangorestframework>=2.3.14,<2.4",
    ],
    classifiers=[
        "Framework :: Django",
        "Programming Language :: Python :: 2.7",
        "License :: OSI Approved :: BSD License",
    ],
)
