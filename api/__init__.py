"""The edges of kb: the HTTP API, the staff web page and the command line."""
