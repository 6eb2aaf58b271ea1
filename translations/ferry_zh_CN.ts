<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Cli</name>
    <message>
        <source>Commands:
  (none)         start the window
  serve DIR      share a folder
  list           show the files a server shares
  get NAME...    download files and verify their MD5
  help COMMAND   show the options of a command
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown command: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;ferry --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ferry shares a folder on the local network and downloads files from it with MD5 verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language of messages: zh_CN or en.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>serve, list, get or help.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliText</name>
    <message>
        <source>not found on the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a regular file on the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server refused the name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server could not read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server at %1 is busy (too many connections); try again later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file changed on the server while it was sent: %1; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server at %1 broke the protocol (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server at %1 speaks another version of Ferry; update both sides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server at %1 needs a password; use --password-file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrong password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server at %1 stopped answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server at %1 refused so many requests at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no Ferry server at %1 (connection refused)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>host not found: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Ferry server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to %1 was lost; run the same command with --resume to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists in %2; use --overwrite to replace it after verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MD5 mismatch for %1: the download was corrupted and has been deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is left from an interrupted download in %2; use --resume to continue it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a valid file name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>port %1 is already in use; try --port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the folder does not exist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission denied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error (%1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ClientCommand</name>
    <message>
        <source>Download files and verify their MD5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the files a server shares.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names as the server lists them, e.g. photos/a.jpg.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server to connect to (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server port (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder to save into (default: the current folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue interrupted downloads from their .part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace existing files, once the new one is verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;ferry help %1&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name at least one file to get</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list takes no names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid port: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted; run the same command with --resume to continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1  %2%  %3 of %4  %5/s  ETA %6</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServeCommand</name>
    <message>
        <source>connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>listed %n file(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>requested %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent %1 (%2 bytes) with its MD5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>error sending %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>turned away: limit %1 reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share a folder on the local network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder to share.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port to listen on (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address to listen on, e.g. 127.0.0.1 (default: all interfaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most connections at once (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most connections from one address (default %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash every file on every download, even when it has not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;ferry help serve&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name exactly one folder to share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid --port, --bind or limit value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharing %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  listening on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Ctrl+C to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
