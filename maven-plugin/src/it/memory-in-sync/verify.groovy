// the check passed, said so, and the notes written before the first generate are still there, byte for byte
def log = new File(basedir, 'build.log').text
assert log.contains('BUILD SUCCESS')
assert log.contains('wsmemory: the memory in memory/websocket-engineer/chat-server matches the code')
assert !log.contains('BUILD FAILURE')

def dir = new File(basedir, 'memory/websocket-engineer/chat-server')
['connection_patterns.md', 'message_schemas.md', 'scaling_config.md', 'wsmemory.json'].each {
    assert new File(dir, it).isFile() : "missing ${it}"
}
def patterns = new File(dir, 'connection_patterns.md').text
assert patterns.startsWith('# Team notes\n\nThe chat server is restarted every night at 03:00; clients must reconnect.\n')
assert patterns.contains('<!-- wsmemory:begin connection.settings sha256=')
assert new File(dir, 'message_schemas.md').text.contains('`chat:message`')
return true
