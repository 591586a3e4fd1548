"""The kernel every part stands on: settings, the SQL store, the roster, documents and chunks, text."""
