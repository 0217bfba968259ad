"""One module per resource; `api.app` mounts each router under /v1 (health at the root)."""
