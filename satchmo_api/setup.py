"""satchmo_api: a read-only REST API over a Satchmo store, for ERP synchronisation."""
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
        "Django>=1.3,<1.4",
        "Satchmo==0.9.2",
        "djangorestframework==2.3.14",
    ],
    classifiers=[
        "Framework :: Django",
        "Programming Language :: Python :: 2.7",
        "License :: OSI Approved :: BSD License",
    ],
)
