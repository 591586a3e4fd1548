"""Compliance of sales wording: the rules (Advertising Law, AUCL), a semantic second opinion, rewrites."""
