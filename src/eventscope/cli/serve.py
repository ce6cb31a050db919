"""``eventscope serve``: the API and dashboard over a store, with uvicorn."""
from __future__ import annotations

from typing import Optional

import click

from eventscope.cli.options import database_url, db_option


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 for every interface).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.pass_obj
def serve(settings, db_url: Optional[str], host: str, port: int) -> None:
    """Serve the JSON API and the dashboard over the store (read-only unless api_token is set)."""
    import uvicorn

    from eventscope.api import create_app
    from eventscope.store.engine import shown

    settings = settings.replace(db_url=database_url(db_url, settings.db_url))
    app = create_app(settings)  # a store that cannot be opened stops here, in one line
    mode = "writes with the api_token" if settings.api_token else "read-only"
    click.echo(f"eventscope: serving {shown(app.state.store.url)} ({mode}) on "
               f"http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
