// One setting turns the overdue high-priority item into an error that fails the build, naming it.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/postmortems/INC-2026-03-01-001.md:12:1: action INC-2026-03-01-001/A1 (high, owner maria) is overdue by 260 days (due 2026-03-10) [HS204]')
assert log.contains('1 report file, 1 loaded, 1 error, 0 warnings')
assert log.contains('BUILD FAILURE')
return true
