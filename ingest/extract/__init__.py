"""Quote extraction and speaker attribution."""
