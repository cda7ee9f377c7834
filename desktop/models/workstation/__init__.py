"""The workstation store: who is at the desk, and what they recorded.

The dashboard never writes the replica (ARCHITECTURE, "Who writes the
replica"). Its own records — officers and their sign-ins, the audit log, the
duty log, written handovers — live here, in a separate local SQLite file in
the data folder. Everything in this package is Qt-free; the views talk to it
through one service object, :class:`desktop.models.workstation.desk.Desk`.
"""
