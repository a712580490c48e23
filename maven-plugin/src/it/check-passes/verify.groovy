// The check passed, printed its summary and counted the overdue item on the configured as-of date.
def log = new File(basedir, 'build.log').text
assert log.contains('Hindsight: 1 report file, 1 loaded, 0 errors, 1 warning; 1 action item, 1 overdue on 2026-11-25')
assert log.contains('[WARNING] src/postmortems/INC-2026-03-01-001.md:12:1: action INC-2026-03-01-001/A1 (high, owner maria) is overdue by 260 days (due 2026-03-10) [HS204]')
assert log.contains('BUILD SUCCESS')
return true
