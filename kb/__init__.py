"""kb: a knowledge base of who said what, with citable quotes."""

__version__ = "0.1.0"
