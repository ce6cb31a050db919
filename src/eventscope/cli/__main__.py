"""``python -m eventscope.cli``: the same as the ``eventscope`` command."""
from eventscope.cli.main import main

main()
