"""The dashboard: server-rendered pages over the store, each with a JSON twin (``.json``)."""
