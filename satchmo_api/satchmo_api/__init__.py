"""Read-only REST API and change feed over a Satchmo store."""
