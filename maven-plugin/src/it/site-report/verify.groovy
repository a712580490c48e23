// The as-of date comes from project.build.outputTimestamp (2026-11-25), so the figures are stable.
def site = new File(basedir, 'target/site')
assert new File(site, 'postmortems/index.html').isFile()
assert new File(site, 'postmortems/incidents/INC-2026-03-01-001/index.html').isFile()
assert new File(site, 'postmortems/search/meta.js').isFile()
def reports = new File(site, 'project-reports.html').getText('UTF-8')
assert reports.contains('href="postmortems-report.html"')
def page = new File(site, 'postmortems-report.html').getText('UTF-8')
assert page.contains('1 incidents, 1 open and 1 overdue action items as of 2026-11-25')
assert page.contains('href="postmortems/index.html"')
assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS')
return true
