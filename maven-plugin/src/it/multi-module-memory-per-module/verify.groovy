// each module checked its own memory; the aggregator was skipped; the additive change was shown and passed
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('wsmemory: skipped the aggregator multi-module-parent')
assert log.contains('wsmemory: the memory in memory/websocket-engineer/chat-server matches the code')
assert log =~ /additive  added    event `chat:typing`.* — socket\.js:10/
assert log.contains('wsmemory: the memory in memory/websocket-engineer/chat-web is behind the code: 2 changes (0 breaking, 2 additive); none breaking, so the check passes (failOn=breaking)')
assert new File(basedir, 'server/memory/websocket-engineer/chat-server/wsmemory.json').isFile()
assert new File(basedir, 'web/memory/websocket-engineer/chat-web/wsmemory.json').isFile()
assert !new File(basedir, 'memory').exists()
return true
