"""`python -m graphkit`: the same CLI as the `graphkit` console script, from this checkout."""
from graphkit.cli import run

run()
