"""The web console: a door for people at a desk (team tables, briefings, gaps, documents, audit).

Server-rendered pages over the same store, index and coach as the bot and CLI, with the same permissions.
"""
