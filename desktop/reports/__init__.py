"""PDF documents in the Vietnamese administrative layout: the periodic review, walk lists, household sheets.

Also the review's figures as data (XLSX, CSV). Everything here reads the store, except the commendations
proposed for a review (`commendations`), which go through the write path like any record.
"""

from desktop.reports import messages  # noqa: F401  (registers the reports' messages)
