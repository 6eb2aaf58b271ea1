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
            <translation>命令：
  （无）         打开窗口
  serve 文件夹   共享一个文件夹
  list           列出服务端共享的文件
  get 名称...    下载文件并校验 MD5
  help 命令      显示某个命令的选项
</translation>
        </message>
        <message>
            <source>unknown command: %1</source>
            <translation>未知命令：%1</translation>
        </message>
        <message>
            <source>Try 'ferry --help'.</source>
            <translation>请运行“ferry --help”查看用法。</translation>
        </message>
        <message>
            <source>Ferry shares a folder on the local network and downloads files from it with MD5 verification.</source>
            <translation>Ferry 在局域网中共享文件夹，并从中下载文件、校验 MD5。</translation>
        </message>
        <message>
            <source>Language of messages: zh_CN or en.</source>
            <translation>提示信息的语言：zh_CN 或 en。</translation>
        </message>
        <message>
            <source>serve, list, get or help.</source>
            <translation>serve、list、get 或 help。</translation>
        </message>
    </context>
    <context>
        <name>CliText</name>
        <message>
            <source>not found on the server: %1</source>
            <translation>服务端上没有这个文件：%1</translation>
        </message>
        <message>
            <source>not a regular file on the server: %1</source>
            <translation>服务端上的这个名称不是普通文件：%1</translation>
        </message>
        <message>
            <source>the server refused the name: %1</source>
            <translation>服务端拒绝了这个名称：%1</translation>
        </message>
        <message>
            <source>the server could not read the file: %1</source>
            <translation>服务端无法读取文件：%1</translation>
        </message>
        <message>
            <source>the server at %1 is busy (too many connections); try again later</source>
            <translation>%1 上的服务端正忙（连接过多），请稍后再试</translation>
        </message>
        <message>
            <source>the file changed on the server while it was sent: %1; try again</source>
            <translation>文件在发送过程中被服务端修改了：%1；请重试</translation>
        </message>
        <message>
            <source>the server at %1 broke the protocol (%2)</source>
            <translation>%1 上的服务端违反了协议（%2）</translation>
        </message>
        <message>
            <source>the server at %1 speaks another version of Ferry; update both sides</source>
            <translation>%1 上的服务端使用的是另一个版本的 Ferry，请把两端都更新到同一版本</translation>
        </message>
        <message>
            <source>the server at %1 needs a password; use --password-file</source>
            <translation>%1 上的服务端需要密码，请使用 --password-file</translation>
        </message>
        <message>
            <source>wrong password for %1</source>
            <translation>%1 的密码错误</translation>
        </message>
        <message>
            <source>the server at %1 stopped answering</source>
            <translation>%1 上的服务端没有响应</translation>
        </message>
        <message>
            <source>the server at %1 refused so many requests at once</source>
            <translation>%1 上的服务端拒绝了一次性提交的过多请求</translation>
        </message>
        <message>
            <source>no Ferry server at %1 (connection refused)</source>
            <translation>%1 上没有 Ferry 服务端（连接被拒绝）</translation>
        </message>
        <message>
            <source>host not found: %1</source>
            <translation>找不到主机：%1</translation>
        </message>
        <message>
            <source>%1 is not a Ferry server</source>
            <translation>%1 不是 Ferry 服务端</translation>
        </message>
        <message>
            <source>the connection to %1 was lost; run the same command with --resume to continue</source>
            <translation>与 %1 的连接已断开；加上 --resume 再次运行同一命令即可续传</translation>
        </message>
        <message>
            <source>could not write %1</source>
            <translation>无法写入 %1</translation>
        </message>
        <message>
            <source>%1 already exists in %2; use --overwrite to replace it after verification</source>
            <translation>%2 中已有 %1；如需在校验通过后替换它，请使用 --overwrite</translation>
        </message>
        <message>
            <source>MD5 mismatch for %1: the download was corrupted and has been deleted</source>
            <translation>%1 的 MD5 不一致：下载的内容已损坏，已被删除</translation>
        </message>
        <message>
            <source>%1 is left from an interrupted download in %2; use --resume to continue it</source>
            <translation>%2 中的 %1 是一次中断的下载留下的；请使用 --resume 续传</translation>
        </message>
        <message>
            <source>not a valid file name: %1</source>
            <translation>不是有效的文件名：%1</translation>
        </message>
        <message>
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>network error: %1</source>
            <translation>网络错误：%1</translation>
        </message>
        <message>
            <source>port %1 is already in use; try --port</source>
            <translation>端口 %1 已被占用，请用 --port 换一个端口</translation>
        </message>
        <message>
            <source>the folder does not exist: %1</source>
            <translation>文件夹不存在：%1</translation>
        </message>
        <message>
            <source>permission denied: %1</source>
            <translation>没有权限：%1</translation>
        </message>
        <message>
            <source>internal error (%1)</source>
            <translation>内部错误（%1）</translation>
        </message>
    </context>
    <context>
        <name>ClientCommand</name>
        <message>
            <source>Download files and verify their MD5.</source>
            <translation>下载文件并校验 MD5。</translation>
        </message>
        <message>
            <source>Show the files a server shares.</source>
            <translation>列出服务端共享的文件。</translation>
        </message>
        <message>
            <source>Names as the server lists them, e.g. photos/a.jpg.</source>
            <translation>文件名，与服务端列出的一致，例如 photos/a.jpg。</translation>
        </message>
        <message>
            <source>Server to connect to (default %1).</source>
            <translation>要连接的服务端（默认 %1）。</translation>
        </message>
        <message>
            <source>Server port (default %1).</source>
            <translation>服务端端口（默认 %1）。</translation>
        </message>
        <message>
            <source>Folder to save into (default: the current folder).</source>
            <translation>保存到的文件夹（默认：当前文件夹）。</translation>
        </message>
        <message>
            <source>Continue interrupted downloads from their .part.</source>
            <translation>从 .part 文件续传中断的下载。</translation>
        </message>
        <message>
            <source>Replace existing files, once the new one is verified.</source>
            <translation>新文件校验通过后替换已有的同名文件。</translation>
        </message>
        <message>
            <source>Try 'ferry help %1'.</source>
            <translation>请运行“ferry help %1”查看用法。</translation>
        </message>
        <message>
            <source>name at least one file to get</source>
            <translation>请至少指定一个要下载的文件</translation>
        </message>
        <message>
            <source>list takes no names</source>
            <translation>list 命令不接受文件名</translation>
        </message>
        <message>
            <source>invalid port: %1</source>
            <translation>无效的端口：%1</translation>
        </message>
        <message>
            <source>interrupted; run the same command with --resume to continue</source>
            <translation>已中断；加上 --resume 再次运行同一命令即可续传</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>已中断</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s), %1</source>
            <translation>
                <numerusform>共 %n 个文件，%1</numerusform>
            </translation>
        </message>
        <message>
            <source>%1  %2%  %3 of %4  %5/s  ETA %6</source>
            <translation>%1  %2%  %3 / %4  %5/秒  剩余 %6</translation>
        </message>
    </context>
    <context>
        <name>ServeCommand</name>
        <message>
            <source>connected</source>
            <translation>已连接</translation>
        </message>
        <message numerus="yes">
            <source>listed %n file(s)</source>
            <translation>
                <numerusform>列出了 %n 个文件</numerusform>
            </translation>
        </message>
        <message>
            <source>requested %1</source>
            <translation>请求 %1</translation>
        </message>
        <message>
            <source>sent %1 (%2 bytes) with its MD5</source>
            <translation>已发送 %1（%2 字节）及其 MD5</translation>
        </message>
        <message>
            <source>refused %1: %2</source>
            <translation>拒绝 %1：%2</translation>
        </message>
        <message>
            <source>error: %1</source>
            <translation>错误：%1</translation>
        </message>
        <message>
            <source>error sending %1: %2</source>
            <translation>发送 %1 时出错：%2</translation>
        </message>
        <message>
            <source>disconnected</source>
            <translation>已断开</translation>
        </message>
        <message>
            <source>turned away: limit %1 reached</source>
            <translation>已拒绝连接：达到上限 %1</translation>
        </message>
        <message>
            <source>Share a folder on the local network.</source>
            <translation>在局域网中共享一个文件夹。</translation>
        </message>
        <message>
            <source>The folder to share.</source>
            <translation>要共享的文件夹。</translation>
        </message>
        <message>
            <source>Port to listen on (default %1).</source>
            <translation>监听的端口（默认 %1）。</translation>
        </message>
        <message>
            <source>Address to listen on, e.g. 127.0.0.1 (default: all interfaces).</source>
            <translation>监听的地址，例如 127.0.0.1（默认：所有网络接口）。</translation>
        </message>
        <message>
            <source>Most connections at once (default %1).</source>
            <translation>同时连接数上限（默认 %1）。</translation>
        </message>
        <message>
            <source>Most connections from one address (default %1).</source>
            <translation>单个地址的连接数上限（默认 %1）。</translation>
        </message>
        <message>
            <source>Hash every file on every download, even when it has not changed.</source>
            <translation>每次下载都重新计算文件的 MD5，即使文件没有变化。</translation>
        </message>
        <message>
            <source>Try 'ferry help serve'.</source>
            <translation>请运行“ferry help serve”查看用法。</translation>
        </message>
        <message>
            <source>name exactly one folder to share</source>
            <translation>请指定一个且只能一个要共享的文件夹</translation>
        </message>
        <message>
            <source>invalid --port, --bind or limit value</source>
            <translation>--port、--bind 或上限的值无效</translation>
        </message>
        <message>
            <source>Sharing %1</source>
            <translation>正在共享 %1</translation>
        </message>
        <message>
            <source>  listening on %1</source>
            <translation>  监听地址 %1</translation>
        </message>
        <message>
            <source>Press Ctrl+C to stop.</source>
            <translation>按 Ctrl+C 停止。</translation>
        </message>
        <message>
            <source>Stopping.</source>
            <translation>正在停止。</translation>
        </message>
    </context>
</TS>
