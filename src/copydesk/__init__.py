"""copydesk: an editorial style and consistency linter."""

__version__ = "0.1.0"
