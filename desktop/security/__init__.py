"""Security of the laptop's data: keys kept out of the database, users and roles, login, encryption at rest,
the audit log and retention.

What an admin does and sees (CLI shown; the app asks the same things in dialogs):

- First run: `wardbook init --admin NAME` creates the encrypted database and the first admin (password typed
  twice, or `WARDBOOK_NEW_PASSWORD` in scripts). Until an account with a password exists the database is in
  setup mode (`permissions.SETUP`): everything works without login, as on a fresh or demo database. A demo
  ward's officers are records without passwords; `wardbook user add canbo1 --role officer` gives one a login.
- Afterwards every command needs `--user NAME` (password at the prompt or `WARDBOOK_PASSWORD`). Five wrong
  passwords lock the account on this laptop for 30 s, doubling with each further failure up to an hour;
  `wardbook user unlock NAME` clears it. The last admin cannot be disabled or demoted.
- The database key is random and lives in the OS keyring. Where none works (a headless station), the command
  stops and says so; the admin then passes `--key-file FILE` (passphrase in `WARDBOOK_KEY_PASSPHRASE` or
  typed), a file holding the key encrypted with that passphrase. A plain database from an earlier version is
  encrypted in place the first time it is opened, without losing a row.
- `wardbook backup FILE` writes an encrypted copy (same key, registered in the same key store);
  `wardbook restore FILE` (admin) replaces the database with it: only with a backup of this register that has
  an active admin, and keeping the database it replaces beside it (`NAME.before-restore-DATE-TIME`). To restore
  on another machine (a replacement laptop), restore where no database exists yet or onto a blank one, with a
  key file as key store on both.
- `wardbook audit verify` checks the hash chains of the audit log; `wardbook audit list` shows the newest
  entries (team leads and admins).
- `wardbook retention set --moved-out-years N`, then `retention preview`, then `retention purge --yes`;
  `wardbook person export ID|NAME --out FILE` answers a data-subject request.

For other modules: call `session.authorize(store, "<permission>")` at the top of a guarded core function
(permissions in `permissions.PERMISSIONS`), `audit.record(store, "export"|"print"|…, table, id)` for reads
that must be accounted for, and open the database with `database.open_database` (the audit hook and the key
come with it).
"""

from desktop.security import messages  # noqa: F401  (registers the security messages)
