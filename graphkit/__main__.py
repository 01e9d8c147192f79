"""`python -m graphkit`: the same command as the `graphkit` script, from this checkout."""
from graphkit.cli import main

main()
