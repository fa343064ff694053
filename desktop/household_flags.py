"""The vulnerability flags a household can carry (each a `flag_<name>` column of `households`).

A module of its own, importing nothing, because both the table definitions (`desktop.store.tables`) and the search
index (`desktop.search.index`, which writes each household's flags into its document) need the list, and the store
package imports the index.
"""

HOUSEHOLD_FLAGS = (
    "poor",
    "near_poor",
    "elderly_alone",
    "disability",
    "chronic_illness",
    "young_children",
    "policy_family",
)
