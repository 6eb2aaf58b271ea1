<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
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
            <translation>Commands:
  (none)         start the window
  serve DIR      share a folder
  list           show the files a server shares
  get NAME...    download files and verify their MD5
  help COMMAND   show the options of a command
</translation>
        </message>
        <message>
            <source>unknown command: %1</source>
            <translation>unknown command: %1</translation>
        </message>
        <message>
            <source>Try 'ferry --help'.</source>
            <translation>Try 'ferry --help'.</translation>
        </message>
        <message>
            <source>Ferry shares a folder on the local network and downloads files from it with MD5 verification.</source>
            <translation>Ferry shares a folder on the local network and downloads files from it with MD5 verification.</translation>
        </message>
        <message>
            <source>Language of messages: zh_CN or en.</source>
            <translation>Language of messages: zh_CN or en.</translation>
        </message>
        <message>
            <source>serve, list, get or help.</source>
            <translation>serve, list, get or help.</translation>
        </message>
    </context>
    <context>
        <name>CliText</name>
        <message>
            <source>not found on the server: %1</source>
            <translation>not found on the server: %1</translation>
        </message>
        <message>
            <source>not a regular file on the server: %1</source>
            <translation>not a regular file on the server: %1</translation>
        </message>
        <message>
            <source>the server refused the name: %1</source>
            <translation>the server refused the name: %1</translation>
        </message>
        <message>
            <source>the server could not read the file: %1</source>
            <translation>the server could not read the file: %1</translation>
        </message>
        <message>
            <source>the server at %1 is busy (too many connections); try again later</source>
            <translation>the server at %1 is busy (too many connections); try again later</translation>
        </message>
        <message>
            <source>the file changed on the server while it was sent: %1; try again</source>
            <translation>the file changed on the server while it was sent: %1; try again</translation>
        </message>
        <message>
            <source>the server at %1 broke the protocol (%2)</source>
            <translation>the server at %1 broke the protocol (%2)</translation>
        </message>
        <message>
            <source>the server at %1 speaks another version of Ferry; update both sides</source>
            <translation>the server at %1 speaks another version of Ferry; update both sides</translation>
        </message>
        <message>
            <source>the server at %1 needs a password; use --password-file</source>
            <translation>the server at %1 needs a password; use --password-file</translation>
        </message>
        <message>
            <source>wrong password for %1</source>
            <translation>wrong password for %1</translation>
        </message>
        <message>
            <source>the server at %1 stopped answering</source>
            <translation>the server at %1 stopped answering</translation>
        </message>
        <message>
            <source>the server at %1 refused so many requests at once</source>
            <translation>the server at %1 refused so many requests at once</translation>
        </message>
        <message>
            <source>no Ferry server at %1 (connection refused)</source>
            <translation>no Ferry server at %1 (connection refused)</translation>
        </message>
        <message>
            <source>host not found: %1</source>
            <translation>host not found: %1</translation>
        </message>
        <message>
            <source>%1 is not a Ferry server</source>
            <translation>%1 is not a Ferry server</translation>
        </message>
        <message>
            <source>the connection to %1 was lost; run the same command with --resume to continue</source>
            <translation>the connection to %1 was lost; run the same command with --resume to continue</translation>
        </message>
        <message>
            <source>could not write %1</source>
            <translation>could not write %1</translation>
        </message>
        <message>
            <source>%1 already exists in %2; use --overwrite to replace it after verification</source>
            <translation>%1 already exists in %2; use --overwrite to replace it after verification</translation>
        </message>
        <message>
            <source>MD5 mismatch for %1: the download was corrupted and has been deleted</source>
            <translation>MD5 mismatch for %1: the download was corrupted and has been deleted</translation>
        </message>
        <message>
            <source>%1 is left from an interrupted download in %2; use --resume to continue it</source>
            <translation>%1 is left from an interrupted download in %2; use --resume to continue it</translation>
        </message>
        <message>
            <source>not a valid file name: %1</source>
            <translation>not a valid file name: %1</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>cancelled</translation>
        </message>
        <message>
            <source>network error: %1</source>
            <translation>network error: %1</translation>
        </message>
        <message>
            <source>port %1 is already in use; try --port</source>
            <translation>port %1 is already in use; try --port</translation>
        </message>
        <message>
            <source>the folder does not exist: %1</source>
            <translation>the folder does not exist: %1</translation>
        </message>
        <message>
            <source>permission denied: %1</source>
            <translation>permission denied: %1</translation>
        </message>
        <message>
            <source>internal error (%1)</source>
            <translation>internal error (%1)</translation>
        </message>
    </context>
    <context>
        <name>ClientCommand</name>
        <message>
            <source>Download files and verify their MD5.</source>
            <translation>Download files and verify their MD5.</translation>
        </message>
        <message>
            <source>Show the files a server shares.</source>
            <translation>Show the files a server shares.</translation>
        </message>
        <message>
            <source>Names as the server lists them, e.g. photos/a.jpg.</source>
            <translation>Names as the server lists them, e.g. photos/a.jpg.</translation>
        </message>
        <message>
            <source>Server to connect to (default %1).</source>
            <translation>Server to connect to (default %1).</translation>
        </message>
        <message>
            <source>Server port (default %1).</source>
            <translation>Server port (default %1).</translation>
        </message>
        <message>
            <source>Folder to save into (default: the current folder).</source>
            <translation>Folder to save into (default: the current folder).</translation>
        </message>
        <message>
            <source>Continue interrupted downloads from their .part.</source>
            <translation>Continue interrupted downloads from their .part.</translation>
        </message>
        <message>
            <source>Replace existing files, once the new one is verified.</source>
            <translation>Replace existing files, once the new one is verified.</translation>
        </message>
        <message>
            <source>Try 'ferry help %1'.</source>
            <translation>Try 'ferry help %1'.</translation>
        </message>
        <message>
            <source>name at least one file to get</source>
            <translation>name at least one file to get</translation>
        </message>
        <message>
            <source>list takes no names</source>
            <translation>list takes no names</translation>
        </message>
        <message>
            <source>invalid port: %1</source>
            <translation>invalid port: %1</translation>
        </message>
        <message>
            <source>interrupted; run the same command with --resume to continue</source>
            <translation>interrupted; run the same command with --resume to continue</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>interrupted</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s), %1</source>
            <translation>
                <numerusform>%n file, %1</numerusform>
                <numerusform>%n files, %1</numerusform>
            </translation>
        </message>
        <message>
            <source>%1  %2%  %3 of %4  %5/s  ETA %6</source>
            <translation>%1  %2%  %3 of %4  %5/s  ETA %6</translation>
        </message>
    </context>
    <context>
        <name>ServeCommand</name>
        <message>
            <source>connected</source>
            <translation>connected</translation>
        </message>
        <message numerus="yes">
            <source>listed %n file(s)</source>
            <translation>
                <numerusform>listed %n file</numerusform>
                <numerusform>listed %n files</numerusform>
            </translation>
        </message>
        <message>
            <source>requested %1</source>
            <translation>requested %1</translation>
        </message>
        <message>
            <source>sent %1 (%2 bytes) with its MD5</source>
            <translation>sent %1 (%2 bytes) with its MD5</translation>
        </message>
        <message>
            <source>refused %1: %2</source>
            <translation>refused %1: %2</translation>
        </message>
        <message>
            <source>error: %1</source>
            <translation>error: %1</translation>
        </message>
        <message>
            <source>error sending %1: %2</source>
            <translation>error sending %1: %2</translation>
        </message>
        <message>
            <source>disconnected</source>
            <translation>disconnected</translation>
        </message>
        <message>
            <source>turned away: limit %1 reached</source>
            <translation>turned away: limit %1 reached</translation>
        </message>
        <message>
            <source>Share a folder on the local network.</source>
            <translation>Share a folder on the local network.</translation>
        </message>
        <message>
            <source>The folder to share.</source>
            <translation>The folder to share.</translation>
        </message>
        <message>
            <source>Port to listen on (default %1).</source>
            <translation>Port to listen on (default %1).</translation>
        </message>
        <message>
            <source>Address to listen on, e.g. 127.0.0.1 (default: all interfaces).</source>
            <translation>Address to listen on, e.g. 127.0.0.1 (default: all interfaces).</translation>
        </message>
        <message>
            <source>Most connections at once (default %1).</source>
            <translation>Most connections at once (default %1).</translation>
        </message>
        <message>
            <source>Most connections from one address (default %1).</source>
            <translation>Most connections from one address (default %1).</translation>
        </message>
        <message>
            <source>Hash every file on every download, even when it has not changed.</source>
            <translation>Hash every file on every download, even when it has not changed.</translation>
        </message>
        <message>
            <source>Try 'ferry help serve'.</source>
            <translation>Try 'ferry help serve'.</translation>
        </message>
        <message>
            <source>name exactly one folder to share</source>
            <translation>name exactly one folder to share</translation>
        </message>
        <message>
            <source>invalid --port, --bind or limit value</source>
            <translation>invalid --port, --bind or limit value</translation>
        </message>
        <message>
            <source>Sharing %1</source>
            <translation>Sharing %1</translation>
        </message>
        <message>
            <source>  listening on %1</source>
            <translation>  listening on %1</translation>
        </message>
        <message>
            <source>Press Ctrl+C to stop.</source>
            <translation>Press Ctrl+C to stop.</translation>
        </message>
        <message>
            <source>Stopping.</source>
            <translation>Stopping.</translation>
        </message>
    </context>
</TS>
