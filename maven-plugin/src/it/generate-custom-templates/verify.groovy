// The site was rendered inside Maven's plugin class realm, with the project's own component template
// compiled at build time and used by the built-in pages that include it.
def site = new File(basedir, 'target/postmortems')
assert new File(site, 'index.html').isFile()
assert new File(site, 'search/meta.js').isFile()
assert new File(site, 'actions.csv').isFile()
def incident = new File(site, 'incidents/INC-2026-03-01-001/index.html').getText('UTF-8')
assert incident.contains('<span class="badge sev sev-p3" data-theme="custom">P3</span>')
def log = new File(basedir, 'build.log').text
assert log.contains('Hindsight: wrote ')
assert log.contains('BUILD SUCCESS')
return true
