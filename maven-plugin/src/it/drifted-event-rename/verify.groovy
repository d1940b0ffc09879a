// the build failed on the drift, named each change with its impact and evidence, and said how to fix it
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD FAILURE')
assert log.contains('message_schemas.md — Event Types')
assert log =~ /BREAKING  removed  event `chat:message`.* — server\.js:6/
assert log =~ /additive  added    event `chat:post`.* — server\.js:6/
assert log =~ /BREAKING  changed  setting `payload\.max`.* — server\.js:3/
assert log.contains('1 MB → 64 KiB: a limit lowered')
assert log.contains('wsmemory: the memory in memory/websocket-engineer/chat no longer matches the code: 3 changes (2 breaking, 1 additive)')
assert log.contains('run `mvn wsmemory:generate`, review the diff and commit it')
return true
