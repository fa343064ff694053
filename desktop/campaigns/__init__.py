"""Door-to-door sweeps (đợt rà soát): a campaign with its own checklist, the officer assigned to each area, each
household's status and answers, and the progress and results the team lead follows.

- `definition`: the campaign, its typed questions and its assignments (team leads and admins);
- `answers`: checking an answer against its question and recording a household's status and answers;
- `progress`: the households a campaign targets and how far the sweep has come, by area, officer and day;
- `results`: one row per household and one column per question, the tallies of each question, and the XLSX.
Every write goes through the store's write path, so campaigns are audited and synced like any record.
"""

from desktop.campaigns import messages  # noqa: F401  (registers the campaigns' messages)
