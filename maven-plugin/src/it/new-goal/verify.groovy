def log = new File(basedir, 'build.log').text
def first = new File(basedir, 'src/postmortems/2026/INC-2026-12-04-001.md')
def second = new File(basedir, 'src/postmortems/2026/INC-2026-12-04-002.md')
assert first.isFile()
assert second.isFile()
assert first.getText('UTF-8').contains('title: "Checkout latency after a deploy"')
assert first.getText('UTF-8').contains('services: ["checkout", "payments"]')
assert second.getText('UTF-8').startsWith('# 支付超时\n\n## 基本信息\n')
assert log.contains('Created ')
assert !log.contains('[ERROR]')
assert log.contains('BUILD SUCCESS')
return true
