"""Reading the raw root: the only code that touches raw story files on disk."""
