def log = new File(basedir, 'build.log').text
assert log.contains(' 1. INC-2026-03-01-001  P3  2026-03-01  ')
assert log.contains('1 hit(s) for \'cache\'.')
assert log.contains('BUILD SUCCESS')
for (goal in ['hindsight:check', 'hindsight:generate', 'hindsight:help', 'hindsight:new', 'hindsight:report', 'hindsight:search', 'hindsight:serve']) {
    assert log.contains(goal) : goal
}
return true
