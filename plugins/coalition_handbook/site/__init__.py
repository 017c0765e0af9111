"""The handbook site: generated pages, autolinks, navigation and assets.

Every module here works on the engine's plain objects (`Handbook`, `Term`, the matcher);
none imports MkDocs, so the `plugin` package stays the only adapter.
"""
