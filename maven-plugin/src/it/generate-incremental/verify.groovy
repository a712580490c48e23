def log = new File(basedir, 'build.log').text
def wrote = (log =~ /Hindsight: wrote (\d+) pages for 2 incidents/).collect { it[1] as int }
assert wrote.size() == 3 : log
assert wrote[0] > 20 : "the first build renders every page: $wrote"
assert wrote[1] == 0 : "the second build, in a new process, reuses the first one's pages: $wrote"
assert wrote[2] == wrote[0] : "without the cache every page is rendered again: $wrote"
assert new File(basedir, 'target/hindsight-cache/generate/build.bin').isFile()
assert new File(basedir, 'target/postmortems/incidents/INC-2026-11-18-001/index.html').isFile()
assert !log.contains('[ERROR]')
return true
