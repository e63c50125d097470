"""SDG 11.7.1 for every city of a country, without QGIS: one task per city (task.py), run on Dask (driver.py), each
result kept as soon as its city finishes so a stopped run resumes (store.py); ``python -m
habitat_planning_plugin.batch`` is the command line (__main__.py). The same task runs in QGIS
(habitat:sdg1171cities), in a notebook and on a Dask worker: it takes file paths and plain values, reads only the
city's part of each national layer, and returns one plain row."""
