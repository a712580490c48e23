def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/postmortems/INC-2026-03-02-001.md:4:11: unknown severity \'P7\'')
assert log.contains('[WARNING] Hindsight found 1 error(s) in the post-mortem reports; the build goes on because hindsight.check.failOnError is false')
assert log.contains('BUILD SUCCESS')
return true
