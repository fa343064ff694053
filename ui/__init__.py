"""The Qt layer of WardBook: windows, dialogs, item models and workers. No SQL and no business rules here."""
