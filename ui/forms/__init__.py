"""Dialogs that create or change records through the core's register functions."""
