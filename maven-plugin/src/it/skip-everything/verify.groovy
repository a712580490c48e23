def log = new File(basedir, 'build.log').text
assert log.contains('Hindsight check skipped')
assert log.contains('Hindsight generate skipped')
assert !new File(basedir, 'target/postmortems').exists()
assert log.contains('BUILD SUCCESS')
return true
