"""PDF documents in the Vietnamese administrative layout: the periodic review, walk lists, household sheets.

Also the review's figures as data (XLSX, CSV). Everything here reads the store; nothing writes it.
"""

from desktop.reports import messages  # noqa: F401  (registers the reports' messages)
