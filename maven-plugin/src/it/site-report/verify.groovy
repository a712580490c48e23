import java.security.MessageDigest

// The as-of date comes from project.build.outputTimestamp (2026-11-25), so the figures are stable.
def site = new File(basedir, 'target/site')
assert new File(site, 'postmortems/index.html').isFile()
def samples = new File(basedir, '../../../../sample-site/src/postmortems')
def ids = []
samples.eachFileRecurse(groovy.io.FileType.FILES) { f -> if (f.name.endsWith('.md')) ids << f.name - '.md' }
assert ids.size() == 24
ids.each { id -> assert new File(site, "postmortems/incidents/${id}/index.html").isFile() : id }
assert new File(site, 'postmortems/search/meta.js').isFile()
def reports = new File(site, 'project-reports.html').getText('UTF-8')
assert reports.contains('href="postmortems-report.html"')
def page = new File(site, 'postmortems-report.html').getText('UTF-8')
assert page.contains('24 incidents, ') && page.contains(' overdue action items as of 2026-11-25')
assert page.contains('href="postmortems/index.html"')
assert new File(basedir, 'build.log').text.contains('BUILD SUCCESS')

// A second mvn site, offline against the same local repository, gives the same knowledge base byte for
// byte (the Lucene index files by size: Lucene stamps segments with random ids).
def digests = { File root ->
    def out = new TreeMap()
    root.eachFileRecurse(groovy.io.FileType.FILES) { f ->
        def path = root.toPath().relativize(f.toPath()).toString().replace('\\', '/')
        out[path] = path.startsWith('search/index/') ? "size ${f.length()}"
                : MessageDigest.getInstance('SHA-256').digest(f.bytes).encodeHex().toString()
    }
    out
}
def first = digests(new File(site, 'postmortems'))
def localRepo = new File(basedir, '../../local-repo').canonicalPath
def settings = new File(basedir, '../../../src/it/settings.xml').canonicalPath
def mvn = System.getProperty('os.name').toLowerCase().contains('win') ? 'mvn.cmd' : 'mvn'
def process = [mvn, '-B', '-q', '-o', "-Dmaven.repo.local=${localRepo}", '-s', settings,
               "-DlocalRepositoryUrl=file://${localRepo}", 'site'].execute(null, basedir)
def output = new StringBuilder()
process.consumeProcessOutput(output, output)
assert process.waitFor() == 0 : output
def second = digests(new File(site, 'postmortems'))
assert first.keySet() == second.keySet()
assert first == second
return true
