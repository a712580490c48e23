// The build failed on the bad report, with a gcc-style line naming the file, line and code,
// while the good report still loaded.
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] src/postmortems/INC-2026-03-02-001.md:4:11: unknown severity \'P7\'')
assert log.contains('[HS122]')
assert log.contains('    hint: use P0 (worst), P1, P2, P3 or P4 (SEV0..SEV4 also work)')
assert log.contains('2 report files, 1 loaded, 1 error,')
assert log.contains('BUILD FAILURE')
return true
