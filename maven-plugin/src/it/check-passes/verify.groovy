// The check passed, printed its summary and counted the overdue item on the configured as-of date.
def log = new File(basedir, 'build.log').text
assert log.contains('Hindsight: 1 report file, 1 loaded, 0 errors, 0 warnings; 1 action item, 1 overdue on 2026-11-25')
assert log.contains('BUILD SUCCESS')
return true
