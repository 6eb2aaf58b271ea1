<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Autostart</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>unknown command: %1</source>
        <translation>未知命令：%1</translation>
    </message>
    <message>
        <source>Try &apos;ferry --help&apos;.</source>
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
        <source>Commands:
  (none)         start the window; --minimized starts it in the tray,
                 --share-last shares the last shared folder again
  serve DIR      share a folder
  list           show the files a server shares
  get NAME...    download files and verify their MD5
  devices        show this device&apos;s identity and the trusted devices
  discover       list the shares announced on the network
  help COMMAND   show the options of a command
</source>
        <translation>命令：
  （无）         打开窗口；--minimized 在托盘中启动，
                 --share-last 重新共享上次共享的文件夹
  serve 文件夹   共享一个文件夹
  list           列出服务端共享的文件
  get 名称...    下载文件并校验 MD5
  devices        显示本设备的身份和已信任的设备
  discover       列出网络上广播的共享
  help 命令      显示某个命令的选项
</translation>
    </message>
    <message>
        <source>serve, list, get, discover, devices or help.</source>
        <translation>serve、list、get、discover、devices 或 help。</translation>
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
    <message>
        <source>no Ferry greeting from %1: something accepted the connection but said nothing; check the address and port, and that the Ferry server there is running</source>
        <translation>%1 没有发来 Ferry 问候：对方接受了连接，却一言不发；请检查地址和端口，并确认那里的 Ferry 服务端正在运行</translation>
    </message>
    <message>
        <source>no answer from %1; check the address, the firewall and the network</source>
        <translation>%1 没有应答；请检查地址、防火墙和网络</translation>
    </message>
    <message>
        <source>the connection to %1 was lost</source>
        <translation>与 %1 的连接已断开</translation>
    </message>
    <message>
        <source>%1 in %2 is being written by another download right now; wait for it to finish</source>
        <translation>%2 中的 %1 正被另一个下载写入；请等它完成</translation>
    </message>
    <message>
        <source>WARNING: the certificate of %1 (&quot;%2&quot;) has CHANGED.
  trusted:  %3
  now:      %4
Someone may be intercepting the connection; nothing was sent. If the other computer really made a new identity, forget the old one with
  ferry devices --forget %5
and connect again.</source>
        <translation>警告：%1（“%2”）的证书已经改变。
  已信任：%3
  现在：  %4
可能有人在截获这个连接；没有发送任何内容。如果对方电脑确实生成了新的身份，请先用
  ferry devices --forget %5
忘记旧设备，再重新连接。</translation>
    </message>
    <message>
        <source>%1 (&quot;%2&quot;) is a device this computer has not trusted yet; nothing was sent.
  fingerprint: %3
  comparison code: %4
Check the code on the server, then run again on a terminal to confirm it, or pass --fingerprint %5 (or --trust-new).</source>
        <translation>%1（“%2”）是这台电脑尚未信任的设备；没有发送任何内容。
  指纹：%3
  比对码：%4
请在服务端核对比对码，然后在终端中再次运行以确认，或者加上 --fingerprint %5（或 --trust-new）。</translation>
    </message>
    <message>
        <source>the certificate of %1 does not match --fingerprint: expected %2..., got %3; nothing was sent</source>
        <translation>%1 的证书与 --fingerprint 不符：期望 %2...，实际 %3；没有发送任何内容</translation>
    </message>
    <message>
        <source>the server at %1 runs without encryption (--plaintext); pass --plaintext too, or ask for it to be started without --plaintext</source>
        <translation>%1 上的服务端未加密运行（--plaintext）；请同样加上 --plaintext，或请对方去掉 --plaintext 重新启动</translation>
    </message>
    <message>
        <source>the other side at %1 uses encryption, but this side runs with --plaintext; drop --plaintext</source>
        <translation>%1 上的对方使用加密，而本端以 --plaintext 运行；请去掉 --plaintext</translation>
    </message>
    <message>
        <source>the encrypted connection to %1 could not be set up (%2)</source>
        <translation>无法与 %1 建立加密连接（%2）</translation>
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
        <source>Server port (default %1).</source>
        <translation>服务端端口（默认 %1）。</translation>
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
        <source>Try &apos;ferry help %1&apos;.</source>
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
    <message>
        <source>Read the share&apos;s password from the first line of this file (without it, a terminal prompts when the server asks for one).</source>
        <translation>从这个文件的第一行读取共享的密码（不指定时，如果服务端需要密码，会在终端中提示输入）。</translation>
    </message>
    <message>
        <source>invalid host: %1 (use HOST, HOST:PORT or [IPv6]:PORT)</source>
        <translation>无效的主机：%1（请使用 主机、主机:端口 或 [IPv6]:端口）</translation>
    </message>
    <message>
        <source>Folder to save into (default: the current folder). Its parent must exist.</source>
        <translation>保存到的文件夹（默认：当前文件夹）。其上级文件夹必须已存在。</translation>
    </message>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 不是文件夹</translation>
    </message>
    <message>
        <source>the folder %1 does not exist; create it first, or choose another with -o</source>
        <translation>文件夹 %1 不存在；请先创建它，或用 -o 选择其他文件夹</translation>
    </message>
    <message>
        <source>could not create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>created the folder %1</source>
        <translation>已创建文件夹 %1</translation>
    </message>
    <message>
        <source>%1 is kept: run the same command with --resume to continue, or delete it and %2 to start over</source>
        <translation>已保留 %1：加上 --resume 再次运行同一命令即可续传；若要从头开始，请删除它和 %2</translation>
    </message>
    <message>
        <source>%1 is kept: run the same command with --resume to continue, or delete it to start over</source>
        <translation>已保留 %1：加上 --resume 再次运行同一命令即可续传；若要从头开始，请删除它</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>failed: %1; %2</source>
        <translation>失败：%1；%2</translation>
    </message>
    <message>
        <source>skipped: %1: not downloaded because of the error above</source>
        <translation>已跳过：%1：因上述错误未下载</translation>
    </message>
    <message>
        <source>failed: %1: interrupted</source>
        <translation>失败：%1：已中断</translation>
    </message>
    <message>
        <source>failed: %1: interrupted; %2</source>
        <translation>失败：%1：已中断；%2</translation>
    </message>
    <message>
        <source>Server to connect to: HOST, HOST:PORT, [IPv6]:PORT or a device name that discovery resolves (default %1). A port given here wins over --port.</source>
        <translation>要连接的服务端：主机、主机:端口、[IPv6]:端口，或由发现功能解析的设备名（默认 %1）。此处给出的端口优先于 --port。</translation>
    </message>
    <message>
        <source>%1 devices are announced as %2; use an address:</source>
        <translation>有 %1 台设备以 %2 为名广播；请改用地址：</translation>
    </message>
    <message>
        <source>On first contact, trust the server only if its certificate&apos;s fingerprint starts with this (at least 16 hex digits; see &apos;ferry serve&apos; or &apos;ferry devices&apos; on the server).</source>
        <translation>首次连接时，仅当服务端证书的指纹以此开头时才信任它（至少 16 位十六进制数字；可在服务端的“ferry serve”或“ferry devices”中查看）。</translation>
    </message>
    <message>
        <source>On first contact, trust the server without checking its code (scripts on a network you trust). A changed certificate is still refused.</source>
        <translation>首次连接时不核对比对码就信任服务端（用于可信网络中的脚本）。证书改变时仍会拒绝。</translation>
    </message>
    <message>
        <source>Do not encrypt (for debugging and measurement only); the server needs --plaintext too.</source>
        <translation>不加密（仅用于调试和测量）；服务端也需要 --plaintext。</translation>
    </message>
    <message>
        <source>--fingerprint needs 16 to 64 hex digits</source>
        <translation>--fingerprint 需要 16 到 64 位十六进制数字</translation>
    </message>
    <message>
        <source>Every NAME is a folder: fetch it with everything below it, empty folders too (a NAME ending in &apos;/&apos; means this as well).</source>
        <translation>每个 NAME 都是文件夹：连同其下的全部内容一起获取，空文件夹也会创建（以“/”结尾的 NAME 同样如此）。</translation>
    </message>
    <message>
        <source>When the connection drops after the server has answered, keep reconnecting for up to this many seconds and continue each unfinished file where it stopped (default %1; 0 gives up at once).</source>
        <translation>服务器应答过之后连接若中断，在最多这么多秒内持续重新连接，并让每个未完成的文件从中断处继续（默认 %1；0 表示立即放弃）。</translation>
    </message>
    <message>
        <source>invalid --retry-for: %1 (seconds, 0 to %2)</source>
        <translation>无效的 --retry-for：%1（秒数，0 到 %2）</translation>
    </message>
    <message numerus="yes">
        <source>%1; reconnecting for up to %n second(s)</source>
        <translation>
            <numerusform>%1；将在最多 %n 秒内重新连接</numerusform>
        </translation>
    </message>
    <message>
        <source>reconnected; continuing</source>
        <translation>已重新连接，继续传输</translation>
    </message>
</context>
<context>
    <name>DeviceIdentity</name>
    <message>
        <source>Device identity</source>
        <translation>设备身份</translation>
    </message>
    <message>
        <source>The identity file %1 can be read by other users, so its key may be known.</source>
        <translation>身份文件 %1 可被其他用户读取，其私钥可能已泄露。</translation>
    </message>
    <message>
        <source>The identity file %1 is damaged.</source>
        <translation>身份文件 %1 已损坏。</translation>
    </message>
    <message>
        <source>Make a new identity? Every device that trusts this one will refuse it until it forgets the old one. Without an identity, Ferry can neither share nor download.</source>
        <translation>要生成新的身份吗？所有信任本设备的设备都会拒绝它，直到它们忘记旧身份。没有身份，Ferry 既不能共享也不能下载。</translation>
    </message>
    <message>
        <source>&amp;Make a new identity</source>
        <translation>生成新身份(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Not now</source>
        <translation>暂不(&amp;N)</translation>
    </message>
    <message>
        <source>Trust this device?</source>
        <translation>信任这台设备吗？</translation>
    </message>
    <message>
        <source>First connection to &quot;%1&quot; at %2.</source>
        <translation>首次连接 %2 上的“%1”。</translation>
    </message>
    <message>
        <source>Check that the other computer shows the same comparison code:

%1

Trust it only if the codes match. Fingerprint:
%2</source>
        <translation>请确认对方电脑显示的比对码与此相同：

%1

只有比对码一致时才信任它。指纹：
%2</translation>
    </message>
    <message>
        <source>&amp;Trust</source>
        <translation>信任(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Don&apos;t trust</source>
        <translation>不信任(&amp;D)</translation>
    </message>
</context>
<context>
    <name>DevicesCommand</name>
    <message>
        <source>the identity file %1 can be read by other users; its key may be known. Fix it with &apos;chmod 600 %1&apos;, or delete it to make a new identity (every device that trusts this one will then refuse it until it forgets it).</source>
        <translation>身份文件 %1 可被其他用户读取，其私钥可能已泄露。请用“chmod 600 %1”修正，或删除它以生成新的身份（之后所有信任本设备的设备都会拒绝它，直到它们忘记旧身份）。</translation>
    </message>
    <message>
        <source>the identity file %1 is damaged. Restore it from a backup, or delete it to make a new identity (every device that trusts this one will then refuse it until it forgets it).</source>
        <translation>身份文件 %1 已损坏。请从备份恢复，或删除它以生成新的身份（之后所有信任本设备的设备都会拒绝它，直到它们忘记旧身份）。</translation>
    </message>
    <message>
        <source>could not read or create the identity in %1 (%2)</source>
        <translation>无法在 %1 中读取或创建身份（%2）</translation>
    </message>
    <message>
        <source>First contact with %1 (&quot;%2&quot;).</source>
        <translation>首次连接 %1（“%2”）。</translation>
    </message>
    <message>
        <source>  fingerprint:     %1</source>
        <translation>  指纹：  %1</translation>
    </message>
    <message>
        <source>  comparison code: %1</source>
        <translation>  比对码：%1</translation>
    </message>
    <message>
        <source>The server shows the same code when this connects. Trust this device? [y/N] </source>
        <translation>服务端在此次连接时会显示相同的比对码。信任这台设备吗？[y/N] </translation>
    </message>
    <message>
        <source>y</source>
        <translation>是</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是的</translation>
    </message>
    <message>
        <source>warning: --plaintext: nothing is encrypted or authenticated; anyone on the network can read and change what is sent.</source>
        <translation>警告：--plaintext：没有任何加密或认证；网络上的任何人都能读取和篡改传输的内容。</translation>
    </message>
    <message>
        <source>Show this device&apos;s identity and the devices it trusts.</source>
        <translation>显示本设备的身份及其信任的设备。</translation>
    </message>
    <message>
        <source>Forget the trusted device with this fingerprint (or a prefix of at least 4 hex digits), name or address.</source>
        <translation>忘记具有此指纹（或至少 4 位十六进制的前缀）、名称或地址的已信任设备。</translation>
    </message>
    <message>
        <source>Set this device&apos;s name (empty: the host name).</source>
        <translation>设置本设备的名称（留空：使用主机名）。</translation>
    </message>
    <message>
        <source>Try &apos;ferry help devices&apos;.</source>
        <translation>请运行“ferry help devices”查看用法。</translation>
    </message>
    <message>
        <source>devices takes no names; use --forget</source>
        <translation>devices 命令不接受名称；请使用 --forget</translation>
    </message>
    <message>
        <source>no trusted device matches %1</source>
        <translation>没有与 %1 匹配的已信任设备</translation>
    </message>
    <message numerus="yes">
        <source>forgot %n device(s)</source>
        <translation>
            <numerusform>已忘记 %n 台设备</numerusform>
        </translation>
    </message>
    <message>
        <source>could not save the name</source>
        <translation>无法保存名称</translation>
    </message>
    <message>
        <source>This device: %1</source>
        <translation>本设备：%1</translation>
    </message>
    <message>
        <source>  fingerprint: %1</source>
        <translation>  指纹：%1</translation>
    </message>
    <message>
        <source>No trusted devices.</source>
        <translation>没有已信任的设备。</translation>
    </message>
    <message>
        <source>Trusted devices:</source>
        <translation>已信任的设备：</translation>
    </message>
</context>
<context>
    <name>DiagnosisText</name>
    <message>
        <source>no IPv4 address</source>
        <translation>无 IPv4 地址</translation>
    </message>
    <message>
        <source>used (VPN), joined the group</source>
        <translation>使用中（VPN），已加入组播组</translation>
    </message>
    <message>
        <source>used, joined the group</source>
        <translation>使用中，已加入组播组</translation>
    </message>
    <message>
        <source>used, but joining the group failed: %1</source>
        <translation>使用中，但加入组播组失败：%1</translation>
    </message>
    <message>
        <source>skipped: its name matches %1 (a container or virtual machine bridge)</source>
        <translation>已跳过：名称匹配 %1（容器或虚拟机网桥）</translation>
    </message>
    <message>
        <source>skipped: not among the interfaces chosen in the settings</source>
        <translation>已跳过：不在设置所选的接口之中</translation>
    </message>
    <message>
        <source>skipped: loopback</source>
        <translation>已跳过：回环接口</translation>
    </message>
    <message>
        <source>skipped: down</source>
        <translation>已跳过：未启用</translation>
    </message>
    <message>
        <source>skipped: no multicast</source>
        <translation>已跳过：不支持组播</translation>
    </message>
    <message>
        <source>skipped: no IPv4 address</source>
        <translation>已跳过：无 IPv4 地址</translation>
    </message>
    <message>
        <source>sent %1, heard %2</source>
        <translation>已发送 %1，已收到 %2</translation>
    </message>
    <message>
        <source>Firewall: couldn&apos;t be checked (nft, iptables and ufw need root or aren&apos;t installed).</source>
        <translation>防火墙：无法检查（nft、iptables 和 ufw 需要 root 权限或未安装）。</translation>
    </message>
    <message>
        <source>Firewall: %1 read, no rule found that blocks Ferry.</source>
        <translation>防火墙：已读取 %1，未发现阻挡 Ferry 的规则。</translation>
    </message>
    <message>
        <source>Firewall: likely blocking (%1): %2</source>
        <translation>防火墙：很可能在阻挡（%1）：%2</translation>
    </message>
    <message>
        <source>No network interface is in use: connect to a network (Wi-Fi or cable) first.</source>
        <translation>没有可用的网络接口：请先连接网络（Wi-Fi 或网线）。</translation>
    </message>
    <message>
        <source>Multicast was not heard: no announcement from another device arrived on any interface. A firewall on either device, or the access point, drops it. Try Scan my network.</source>
        <translation>未收到组播：任何接口上都没有收到其他设备的广播。可能是某一端的防火墙或无线接入点把它丢弃了。请试试“扫描我的网络”。</translation>
    </message>
    <message>
        <source>This computer&apos;s firewall likely blocks port %1. Open it for UDP and TCP:</source>
        <translation>本机防火墙很可能阻挡了端口 %1。请为 UDP 和 TCP 开放它：</translation>
    </message>
    <message>
        <source>If a firewall runs on either device, open port %1 for UDP and TCP:</source>
        <translation>如果任一设备运行着防火墙，请为 UDP 和 TCP 开放端口 %1：</translation>
    </message>
    <message>
        <source>Wi-Fi access points with client isolation (&quot;AP isolation&quot;, guest networks) keep devices from seeing each other at all: turn it off in the router, or join both devices to the same non-guest network.</source>
        <translation>开启了客户端隔离（“AP 隔离”、访客网络）的 Wi-Fi 接入点会让设备彼此完全不可见：请在路由器中关闭它，或让两台设备连接同一个非访客网络。</translation>
    </message>
    <message>
        <source>A VPN is active (%1). Many VPNs block the local network: allow local network access in its settings, or disconnect it.</source>
        <translation>VPN 正在运行（%1）。许多 VPN 会阻断局域网：请在其设置中允许访问局域网，或断开 VPN。</translation>
    </message>
    <message>
        <source>A share on another subnet (say 192.168.1.x beside 192.168.0.x) is never announced to you: type its address by hand.</source>
        <translation>位于其他子网的共享（例如 192.168.1.x 与 192.168.0.x）不会被广播到这里：请手动输入它的地址。</translation>
    </message>
</context>
<context>
    <name>DiscoverCommand</name>
    <message>
        <source>List the shares announced on the local network, one per line: name, address, port, id, password (yes/no), separated by tabs.</source>
        <translation>列出局域网上广播的共享，每行一个：名称、地址、端口、标识、密码（yes/no），以制表符分隔。</translation>
    </message>
    <message>
        <source>Seconds to listen (default 2).</source>
        <translation>监听的秒数（默认 2）。</translation>
    </message>
    <message>
        <source>Also say, per network interface, what discovery did, whether the firewall blocks, and what to try.</source>
        <translation>同时按网络接口说明发现功能做了什么、防火墙是否阻挡，以及可以尝试什么。</translation>
    </message>
    <message>
        <source>Keep listening until Ctrl+C; print &quot;added&quot;, &quot;changed&quot; or &quot;removed&quot;, a tab, and the share&apos;s line whenever one comes, changes or goes.</source>
        <translation>持续监听直到按下 Ctrl+C；每当有共享出现、变化或消失时，打印“added”“changed”或“removed”、一个制表符和该共享的那一行。</translation>
    </message>
    <message>
        <source>Also probe every address of each used interface&apos;s /24 over TCP, for networks that drop multicast.</source>
        <translation>同时通过 TCP 探测每个使用中接口所在 /24 网段的每个地址，适用于丢弃组播的网络。</translation>
    </message>
    <message>
        <source>Try &apos;ferry help discover&apos;.</source>
        <translation>请运行“ferry help discover”查看用法。</translation>
    </message>
    <message>
        <source>discover takes no names</source>
        <translation>discover 不接受名称</translation>
    </message>
    <message>
        <source>Interfaces (group %1, port %2):</source>
        <translation>网络接口（组播组 %1，端口 %2）：</translation>
    </message>
    <message numerus="yes">
        <source>Scan: %n share(s) answered over TCP, %1 of them not announced.</source>
        <translation>
            <numerusform>扫描：%n 个共享通过 TCP 应答，其中 %1 个没有广播。</numerusform>
        </translation>
    </message>
    <message>
        <source>Hints:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>日志：</translation>
    </message>
    <message>
        <source>invalid --wait: %1 (give seconds from 0 to 3600, e.g. 2)</source>
        <translation>无效的 --wait：%1（请给出 0 到 3600 之间的秒数，例如 2）</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>No error.</source>
        <translation>没有错误。</translation>
    </message>
    <message>
        <source>The server has no file named &quot;%1&quot;.</source>
        <translation>服务端上没有名为“%1”的文件。</translation>
    </message>
    <message>
        <source>The server has no such file.</source>
        <translation>服务端上没有这个文件。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a regular file on the server.</source>
        <translation>“%1”在服务端上不是普通文件。</translation>
    </message>
    <message>
        <source>That is not a regular file on the server.</source>
        <translation>它在服务端上不是普通文件。</translation>
    </message>
    <message>
        <source>The server refused the request for &quot;%1&quot;.</source>
        <translation>服务端拒绝了对“%1”的请求。</translation>
    </message>
    <message>
        <source>The server refused the request.</source>
        <translation>服务端拒绝了这个请求。</translation>
    </message>
    <message>
        <source>The server could not read the file: %1</source>
        <translation>服务端无法读取文件：%1</translation>
    </message>
    <message>
        <source>The server could not read the file.</source>
        <translation>服务端无法读取这个文件。</translation>
    </message>
    <message>
        <source>The server is busy; try again later. (%1)</source>
        <translation>服务端正忙，请稍后再试。（%1）</translation>
    </message>
    <message>
        <source>The server is busy; try again later.</source>
        <translation>服务端正忙，请稍后再试。</translation>
    </message>
    <message>
        <source>The file changed on the server while it was being sent: %1</source>
        <translation>文件在发送过程中被服务端修改了：%1</translation>
    </message>
    <message>
        <source>The file changed on the server while it was being sent.</source>
        <translation>文件在发送过程中被服务端修改了。</translation>
    </message>
    <message>
        <source>The other side broke the Ferry protocol: %1</source>
        <translation>对方违反了 Ferry 协议：%1</translation>
    </message>
    <message>
        <source>The other side broke the Ferry protocol.</source>
        <translation>对方违反了 Ferry 协议。</translation>
    </message>
    <message>
        <source>The server speaks a different Ferry protocol version: %1</source>
        <translation>服务端使用的 Ferry 协议版本不同：%1</translation>
    </message>
    <message>
        <source>The server speaks a different Ferry protocol version.</source>
        <translation>服务端使用的 Ferry 协议版本不同。</translation>
    </message>
    <message>
        <source>The server needs a password.</source>
        <translation>服务端需要密码。</translation>
    </message>
    <message>
        <source>The server did not accept the password.</source>
        <translation>服务端不接受这个密码。</translation>
    </message>
    <message>
        <source>The connection timed out: %1</source>
        <translation>连接超时：%1</translation>
    </message>
    <message>
        <source>The connection timed out.</source>
        <translation>连接超时。</translation>
    </message>
    <message>
        <source>The server refused more requests at once. (%1)</source>
        <translation>服务端拒绝了一次性提交的更多请求。（%1）</translation>
    </message>
    <message>
        <source>The server refused more requests at once.</source>
        <translation>服务端拒绝了一次性提交的更多请求。</translation>
    </message>
    <message>
        <source>Nothing is listening at %1. Is the Ferry server started?</source>
        <translation>%1 上没有程序在监听。Ferry 服务端启动了吗？</translation>
    </message>
    <message>
        <source>Nothing is listening there. Is the Ferry server started?</source>
        <translation>那里没有程序在监听。Ferry 服务端启动了吗？</translation>
    </message>
    <message>
        <source>The host %1 could not be found.</source>
        <translation>找不到主机 %1。</translation>
    </message>
    <message>
        <source>The host could not be found.</source>
        <translation>找不到这台主机。</translation>
    </message>
    <message>
        <source>%1 is not a Ferry server.</source>
        <translation>%1 不是 Ferry 服务端。</translation>
    </message>
    <message>
        <source>That is not a Ferry server.</source>
        <translation>那不是 Ferry 服务端。</translation>
    </message>
    <message>
        <source>The connection was lost: %1</source>
        <translation>连接已断开：%1</translation>
    </message>
    <message>
        <source>The connection was lost.</source>
        <translation>连接已断开。</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>无法写入文件：%1</translation>
    </message>
    <message>
        <source>The file could not be written.</source>
        <translation>无法写入文件。</translation>
    </message>
    <message>
        <source>A file named &quot;%1&quot; already exists in the destination.</source>
        <translation>保存位置中已有名为“%1”的文件。</translation>
    </message>
    <message>
        <source>A file of that name already exists in the destination.</source>
        <translation>保存位置中已有同名文件。</translation>
    </message>
    <message>
        <source>The MD5 checksum of &quot;%1&quot; does not match; the download was discarded.</source>
        <translation>“%1”的 MD5 不一致，下载的内容已丢弃。</translation>
    </message>
    <message>
        <source>The MD5 checksum does not match; the download was discarded.</source>
        <translation>MD5 不一致，下载的内容已丢弃。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an allowed file name.</source>
        <translation>“%1”不是允许的文件名。</translation>
    </message>
    <message>
        <source>That is not an allowed file name.</source>
        <translation>这不是允许的文件名。</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>A network error occurred: %1</source>
        <translation>发生网络错误：%1</translation>
    </message>
    <message>
        <source>A network error occurred.</source>
        <translation>发生网络错误。</translation>
    </message>
    <message>
        <source>The port is already in use by another program: %1</source>
        <translation>端口已被其他程序占用：%1</translation>
    </message>
    <message>
        <source>The port is already in use by another program.</source>
        <translation>端口已被其他程序占用。</translation>
    </message>
    <message>
        <source>The shared folder does not exist any more: %1</source>
        <translation>共享文件夹已不存在：%1</translation>
    </message>
    <message>
        <source>The shared folder does not exist any more.</source>
        <translation>共享文件夹已不存在。</translation>
    </message>
    <message>
        <source>Permission denied: %1</source>
        <translation>没有权限：%1</translation>
    </message>
    <message>
        <source>Permission denied.</source>
        <translation>没有权限。</translation>
    </message>
    <message>
        <source>An internal error occurred: %1</source>
        <translation>发生内部错误：%1</translation>
    </message>
    <message>
        <source>An internal error occurred.</source>
        <translation>发生内部错误。</translation>
    </message>
    <message>
        <source>Unknown error %1.</source>
        <translation>未知错误 %1。</translation>
    </message>
    <message>
        <source>No Ferry greeting from %1: something accepted the connection but said nothing. Check the address and port, and that the Ferry server there is running.</source>
        <translation>%1 没有发来 Ferry 问候：对方接受了连接，却一言不发。请检查地址和端口，并确认那里的 Ferry 服务端正在运行。</translation>
    </message>
    <message>
        <source>No Ferry greeting: something accepted the connection but said nothing. Check the address and port, and that the Ferry server there is running.</source>
        <translation>没有收到 Ferry 问候：对方接受了连接，却一言不发。请检查地址和端口，并确认那里的 Ferry 服务端正在运行。</translation>
    </message>
    <message>
        <source>No answer from %1. Check the address, the firewall and the network.</source>
        <translation>%1 没有应答。请检查地址、防火墙和网络。</translation>
    </message>
    <message>
        <source>No answer. Check the address, the firewall and the network.</source>
        <translation>没有应答。请检查地址、防火墙和网络。</translation>
    </message>
    <message>
        <source>Another download is writing &quot;%1&quot; right now; wait for it to finish.</source>
        <translation>另一个下载正在写入“%1”；请等它完成。</translation>
    </message>
    <message>
        <source>Another download is writing that file right now; wait for it to finish.</source>
        <translation>另一个下载正在写入该文件；请等它完成。</translation>
    </message>
    <message>
        <source>The connection timed out waiting for the Ferry greeting.</source>
        <translation>等待 Ferry 问候时连接超时。</translation>
    </message>
    <message>
        <source>The connection timed out waiting for the password.</source>
        <translation>等待密码时连接超时。</translation>
    </message>
    <message>
        <source>The connection timed out waiting for the next request.</source>
        <translation>等待下一个请求时连接超时。</translation>
    </message>
    <message>
        <source>The connection timed out waiting for the file to be accepted.</source>
        <translation>等待对方接收文件时连接超时。</translation>
    </message>
    <message>
        <source>The connection timed out sending a file: the other side stopped reading.</source>
        <translation>发送文件时连接超时：对方停止了读取。</translation>
    </message>
    <message>
        <source>An unfinished download of &quot;%1&quot; is already there: choose Resume or Start over.</source>
        <translation>“%1”有一个未完成的下载：请选择“续传”或“从头下载”。</translation>
    </message>
    <message>
        <source>An unfinished download is already there: choose Resume or Start over.</source>
        <translation>已有一个未完成的下载：请选择“续传”或“从头下载”。</translation>
    </message>
    <message>
        <source>WARNING: the device &quot;%1&quot; at this address now shows a different certificate (was %2..., now %3...). Someone may be intercepting the connection. If the other computer really made a new identity, forget the old one in Devices and connect again.</source>
        <translation>警告：此地址上的设备“%1”现在出示了不同的证书（原为 %2...，现为 %3...）。可能有人在截获这个连接。如果对方电脑确实生成了新的身份，请在“设备”中忘记旧设备，再重新连接。</translation>
    </message>
    <message>
        <source>The device was not trusted, so nothing was sent to it.</source>
        <translation>没有信任这台设备，因此没有向它发送任何内容。</translation>
    </message>
    <message>
        <source>The device&apos;s certificate does not match the expected fingerprint.</source>
        <translation>设备的证书与期望的指纹不符。</translation>
    </message>
    <message>
        <source>The server runs without encryption (--plaintext); this window only connects with encryption.</source>
        <translation>服务端未加密运行（--plaintext）；本窗口只建立加密连接。</translation>
    </message>
    <message>
        <source>The other side uses encryption, but this side runs with --plaintext.</source>
        <translation>对方使用加密，而本端以 --plaintext 运行。</translation>
    </message>
    <message>
        <source>The encrypted connection could not be set up: %1</source>
        <translation>无法建立加密连接：%1</translation>
    </message>
    <message>
        <source>The encrypted connection could not be set up.</source>
        <translation>无法建立加密连接。</translation>
    </message>
</context>
<context>
    <name>GuiModule</name>
    <message>
        <source>%1 is in neither %2 nor %3</source>
        <translation>%2 和 %3 中都没有 %1</translation>
    </message>
    <message>
        <source>cannot load %1: %2</source>
        <translation>无法加载 %1：%2</translation>
    </message>
    <message>
        <source>cannot open the window: %1; the command line (ferry serve, ferry list, ferry get) still works</source>
        <translation>无法打开窗口：%1；命令行（ferry serve、ferry list、ferry get）仍可使用</translation>
    </message>
    <message>
        <source>it has no %1</source>
        <translation>其中没有 %1</translation>
    </message>
</context>
<context>
    <name>Password</name>
    <message>
        <source>cannot read the password file %1: %2</source>
        <translation>无法读取密码文件 %1：%2</translation>
    </message>
    <message>
        <source>the password file %1 is empty</source>
        <translation>密码文件 %1 是空的</translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>%1 File</source>
        <translation>%1 文件</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
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
        <source>Try &apos;ferry help serve&apos;.</source>
        <translation>请运行“ferry help serve”查看用法。</translation>
    </message>
    <message>
        <source>name exactly one folder to share</source>
        <translation>请指定一个且只能一个要共享的文件夹</translation>
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
    <message>
        <source>Most requests one connection may have waiting (default %1).</source>
        <translation>单个连接中排队请求数的上限（默认 %1）。</translation>
    </message>
    <message>
        <source>Seconds a new connection has to say hello and prove the password (default %1).</source>
        <translation>新连接完成握手和密码验证的时限，单位为秒（默认 %1）。</translation>
    </message>
    <message>
        <source>Seconds an idle connection is kept open (default %1).</source>
        <translation>空闲连接保持打开的秒数（默认 %1）。</translation>
    </message>
    <message>
        <source>Seconds a transfer may make no progress (default %1).</source>
        <translation>传输没有进展时允许等待的秒数（默认 %1）。</translation>
    </message>
    <message>
        <source>invalid --port, --bind, limit or timeout value</source>
        <translation>--port、--bind、上限或超时的值无效</translation>
    </message>
    <message>
        <source>the connection was lost</source>
        <translation>连接已断开</translation>
    </message>
    <message>
        <source>the connection was lost while sending %1</source>
        <translation>发送 %1 时连接已断开</translation>
    </message>
    <message>
        <source>the client at %1 stopped answering</source>
        <translation>%1 上的客户端没有响应</translation>
    </message>
    <message>
        <source>the client at %1 broke the protocol (%2)</source>
        <translation>%1 上的客户端违反了协议（%2）</translation>
    </message>
    <message>
        <source>the client at %1 sent too many requests at once</source>
        <translation>%1 上的客户端一次发送了过多请求</translation>
    </message>
    <message>
        <source>%1 is not a folder; name the folder to share</source>
        <translation>%1 不是文件夹；请指定要共享的文件夹</translation>
    </message>
    <message>
        <source>refused: wrong password</source>
        <translation>已拒绝：密码错误</translation>
    </message>
    <message>
        <source>aborted %1 after %2 bytes: sharing stopped</source>
        <extracomment>%1 is a file name, %2 how many of its bytes went out before the send ended.</extracomment>
        <translation>已中止 %1（已发出 %2 字节）：共享已停止</translation>
    </message>
    <message>
        <source>aborted %1 after %2 bytes: the client disconnected</source>
        <translation>已中止 %1（已发出 %2 字节）：客户端已断开</translation>
    </message>
    <message>
        <source>Don&apos;t announce the share on the local network; it can still be reached by address.</source>
        <translation>不在局域网上广播此共享；仍可通过地址访问。</translation>
    </message>
    <message>
        <source>Announced on the local network as %1.</source>
        <translation>已在局域网上以 %1 为名广播。</translation>
    </message>
    <message>
        <source>the client at %1 stopped answering before its greeting</source>
        <translation>%1 上的客户端在问候之前就没有响应了</translation>
    </message>
    <message>
        <source>the client at %1 stopped answering before its password</source>
        <translation>%1 上的客户端在发送密码之前就没有响应了</translation>
    </message>
    <message>
        <source>the client at %1 stopped answering: no request came in time</source>
        <translation>%1 上的客户端没有响应：未及时发来请求</translation>
    </message>
    <message>
        <source>the client at %1 stopped answering: it did not accept the file in time</source>
        <translation>%1 上的客户端没有响应：未及时接收文件</translation>
    </message>
    <message>
        <source>the client at %1 stopped reading what it asked for</source>
        <translation>%1 上的客户端停止读取它请求的数据</translation>
    </message>
    <message>
        <source>the client at %1 spoke without encryption (--plaintext); it was told that this server needs encryption</source>
        <translation>%1 上的客户端未加密通信（--plaintext）；已告知它本服务端需要加密</translation>
    </message>
    <message>
        <source>the client at %1 wants encryption, but this server runs with --plaintext</source>
        <translation>%1 上的客户端要求加密，而本服务端以 --plaintext 运行</translation>
    </message>
    <message>
        <source>the encrypted connection with %1 could not be set up (%2)</source>
        <translation>无法与 %1 建立加密连接（%2）</translation>
    </message>
    <message>
        <source>connected, comparison code %1</source>
        <translation>已连接，比对码 %1</translation>
    </message>
    <message>
        <source>Require the password on the first line of this file.</source>
        <translation>要求输入此文件第一行中的密码。</translation>
    </message>
    <message>
        <source>Do not encrypt (for debugging and measurement only); clients need --plaintext too.</source>
        <translation>不加密（仅用于调试和测量）；客户端也需要 --plaintext。</translation>
    </message>
    <message>
        <source>This device: %1</source>
        <translation>本设备：%1</translation>
    </message>
    <message>
        <source>  fingerprint: %1</source>
        <translation>  指纹：%1</translation>
    </message>
    <message>
        <source>A password is required.</source>
        <translation>需要密码。</translation>
    </message>
    <message>
        <source>Set this device&apos;s name, the one announced and shown on first contact, and keep it (as &apos;ferry devices --name&apos; does; default: the host name).</source>
        <translation>设置并保存本设备的名称，即在网络上广播、首次连接时对方看到的名称（与“ferry devices --name”相同；默认：主机名）。</translation>
    </message>
    <message>
        <source>could not save the name</source>
        <translation>无法保存名称</translation>
    </message>
</context>
<context>
    <name>ferry::AddressPanel</name>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Copy this address to the clipboard</source>
        <translation>把这个地址复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>ferry::ClientTab</name>
    <message>
        <source>Connecting to %1...</source>
        <translation>正在连接 %1……</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) on %1</source>
        <translation>
            <numerusform>%1 上有 %n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Requested %n file(s)</source>
        <translation>
            <numerusform>已请求 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose where to save</source>
        <translation>选择保存位置</translation>
    </message>
    <message>
        <source>Download verified</source>
        <translation>下载已校验</translation>
    </message>
    <message>
        <source>%1 arrived and its MD5 matches.</source>
        <translation>%1 已收到，MD5 一致。</translation>
    </message>
    <message>
        <source>Download failed</source>
        <translation>下载失败</translation>
    </message>
    <message>
        <source>Address shown on the other computer</source>
        <translation>另一台电脑上显示的地址</translation>
    </message>
    <message>
        <source>Files on the server:</source>
        <translation>服务端文件列表：</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>按名称筛选</translation>
    </message>
    <message>
        <source>Type a file name to request it</source>
        <translation>输入文件名以请求该文件</translation>
    </message>
    <message>
        <source>&amp;Get</source>
        <translation>获取(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Download selected</source>
        <translation>下载所选(&amp;D)</translation>
    </message>
    <message>
        <source>Continue from the part already downloaded</source>
        <translation>从已下载的部分继续</translation>
    </message>
    <message>
        <source>Clear finished</source>
        <translation>清除已完成</translation>
    </message>
    <message>
        <source>Type the address of the computer running Ferry first.</source>
        <translation>请先输入运行 Ferry 的电脑的地址。</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Co&amp;nnect</source>
        <translation>连接(&amp;N)</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>If the share has one</source>
        <translation>共享设了密码时填写</translation>
    </message>
    <message>
        <source>Hos&amp;t:</source>
        <translation>主机(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>S&amp;ave to:</source>
        <translation>保存到(&amp;A)：</translation>
    </message>
    <message>
        <source>Choos&amp;e...</source>
        <translation>选择(&amp;E)……</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Retr&amp;y</source>
        <translation>重试(&amp;Y)</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>续传(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <source>%1 was saved as %2 and its MD5 matches.</source>
        <translation>%1 已另存为 %2，MD5 一致。</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>从头下载</translation>
    </message>
    <message>
        <source>Delete the unfinished download and download the file again from the beginning</source>
        <translation>删除未完成的下载，从头重新下载这个文件</translation>
    </message>
    <message>
        <source>Could not open the folder %1: no file manager was found. Open it yourself; this path can be selected and copied.</source>
        <translation>无法打开文件夹 %1：找不到文件管理器。请自行打开；这个路径可以选中并复制。</translation>
    </message>
    <message>
        <source>Type an address, or pick a favourite: the addresses you typed are remembered here. Shares on this network are listed under Nearby.</source>
        <translation>输入地址，或选择一个收藏：你输入过的地址会记在这里。本网络上的共享列在“附近”中。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address Ferry can use: type HOST, HOST:PORT or [IPv6]:PORT, e.g. 192.168.1.20:6669.</source>
        <translation>“%1”不是 Ferry 能用的地址：请输入 主机、主机:端口 或 [IPv6]:端口，例如 192.168.1.20:6669。</translation>
    </message>
    <message>
        <source>Encrypted, talking to %1</source>
        <translation>已加密，正在与 %1 通信</translation>
    </message>
    <message>
        <source>Folder verified</source>
        <translation>文件夹已校验</translation>
    </message>
    <message numerus="yes">
        <source>%1: %Ln file(s) arrived and their MD5s match.</source>
        <translation>
            <numerusform>%1：%Ln 个文件已到达，MD5 全部一致。</numerusform>
        </translation>
    </message>
    <message>
        <source>Folder download failed</source>
        <translation>文件夹下载失败</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>Requested %n folder(s)</source>
        <translation>
            <numerusform>已请求 %n 个文件夹</numerusform>
        </translation>
    </message>
    <message>
        <source>Requested %1 and %2</source>
        <translation>已请求 %1 和 %2</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n folder(s)</source>
        <translation>
            <numerusform>%n 个文件夹</numerusform>
        </translation>
    </message>
    <message>
        <source>Double-click or press Enter to download a file or a whole folder; drag rows onto the transfer list below</source>
        <translation>双击或按 Enter 下载文件或整个文件夹；也可以把行拖到下方的传输列表</translation>
    </message>
    <message>
        <source>Download the selected files and folders (Enter)</source>
        <translation>下载所选的文件和文件夹（Enter）</translation>
    </message>
    <message>
        <source>&amp;Download folder</source>
        <translation>下载文件夹(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Download</source>
        <translation>下载(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Hide files</source>
        <translation>收起(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Show files</source>
        <translation>展开(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ferry::ConflictPrompt</name>
    <message>
        <source>File already exists</source>
        <translation>文件已存在</translation>
    </message>
    <message>
        <source>&quot;%1&quot; already exists in %2.</source>
        <translation>%2 中已有“%1”。</translation>
    </message>
    <message>
        <source>Replace it once the new copy is verified, keep both files, or cancel this download?</source>
        <translation>新文件校验通过后替换原文件，
还是保留两者，或者取消这次下载？</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>替换(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Keep both</source>
        <translation>保留两者(&amp;K)</translation>
    </message>
</context>
<context>
    <name>ferry::DevicesDialog</name>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>This device&apos;s &amp;name:</source>
        <translation>本设备名称(&amp;N)：</translation>
    </message>
    <message>
        <source>No identity: this device can neither share nor download.</source>
        <translation>没有身份：本设备既不能共享也不能下载。</translation>
    </message>
    <message>
        <source>Fingerprint: %1</source>
        <translation>指纹：%1</translation>
    </message>
    <message>
        <source>&amp;Trusted devices:</source>
        <translation>已信任的设备(&amp;T)：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>&amp;Forget</source>
        <translation>忘记(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>ferry::DiagnosisDialog</name>
    <message numerus="yes">
        <source>Scanning: %1 of %2 addresses probed, %n share(s) found.</source>
        <translation>
            <numerusform>正在扫描：已探测 %2 个地址中的 %1 个，找到 %n 个共享。</numerusform>
        </translation>
    </message>
    <message>
        <source>Discovery is turned off (FERRY_NO_DISCOVERY).</source>
        <translation>发现功能已关闭（FERRY_NO_DISCOVERY）。</translation>
    </message>
    <message>
        <source>Interfaces (group %1, port %2):</source>
        <translation>网络接口（组播组 %1，端口 %2）：</translation>
    </message>
    <message>
        <source>Shares heard: %1.</source>
        <translation>已收到的共享：%1 个。</translation>
    </message>
    <message numerus="yes">
        <source>Scan: %n share(s) answered over TCP.</source>
        <translation>
            <numerusform>扫描：%n 个共享通过 TCP 应答。</numerusform>
        </translation>
    </message>
    <message>
        <source>Hints:</source>
        <translation>提示：</translation>
    </message>
    <message>
        <source>Log:</source>
        <translation>日志：</translation>
    </message>
    <message>
        <source>Copied to the clipboard.</source>
        <translation>已复制到剪贴板。</translation>
    </message>
    <message>
        <source>Can&apos;t see a share?</source>
        <translation>看不到共享？</translation>
    </message>
    <message>
        <source>What discovery did on each network interface of this computer, and what usually keeps a share from appearing. The other computer&apos;s &quot;Can&apos;t see a share?&quot; tells its side.</source>
        <translation>发现功能在本机每个网络接口上做了什么，以及通常是什么让共享无法出现。另一台电脑上的“看不到共享？”会说明它那一端的情况。</translation>
    </message>
    <message>
        <source>&amp;Announce now</source>
        <translation>立即广播(&amp;A)</translation>
    </message>
    <message>
        <source>Send this computer&apos;s announcement and ask every share to answer, now.</source>
        <translation>立即发送本机的广播，并请所有共享应答。</translation>
    </message>
    <message>
        <source>&amp;Scan my network</source>
        <translation>扫描我的网络(&amp;S)</translation>
    </message>
    <message>
        <source>Try every address of this computer&apos;s networks (/24) on port 6669 over TCP: finds shares even where multicast is blocked.</source>
        <translation>通过 TCP 在端口 6669 上尝试本机所在网络（/24）的每个地址：即使组播被阻挡也能找到共享。</translation>
    </message>
    <message>
        <source>Co&amp;py log</source>
        <translation>复制日志(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message numerus="yes">
        <source>Scan finished: %1 addresses probed, %n share(s) found.</source>
        <translation>
            <numerusform>扫描完成：已探测 %1 个地址，找到 %n 个共享。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ferry::LogModel</name>
    <message>
        <source>(connected)</source>
        <translation>（已连接）</translation>
    </message>
    <message>
        <source>(file list)</source>
        <translation>（文件列表）</translation>
    </message>
    <message>
        <source>(disconnected)</source>
        <translation>（已断开）</translation>
    </message>
    <message>
        <source>(limit)</source>
        <translation>（上限）</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>listed</source>
        <translation>已列出</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>已请求</translation>
    </message>
    <message>
        <source>done, verified sent</source>
        <translation>完成，已发送并附 MD5</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <source>limit reached: %1</source>
        <translation>达到上限：%1</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对方地址</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>refused: wrong password</source>
        <translation>已拒绝：密码错误</translation>
    </message>
    <message>
        <source>aborted: sharing was stopped</source>
        <translation>已中止：共享已停止</translation>
    </message>
    <message>
        <source>aborted: the client disconnected</source>
        <translation>已中止：客户端已断开</translation>
    </message>
    <message>
        <source>connected, comparison code %1</source>
        <translation>已连接，比对码 %1</translation>
    </message>
</context>
<context>
    <name>ferry::MainWindow</name>
    <message>
        <source>Ferry</source>
        <translation>Ferry（摆渡）</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>服务端(&amp;S)</translation>
    </message>
    <message>
        <source>Share a folder with computers on your network</source>
        <translation>与局域网中的电脑共享一个文件夹</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>客户端(&amp;C)</translation>
    </message>
    <message>
        <source>Download files from another computer running Ferry</source>
        <translation>从另一台运行 Ferry 的电脑下载文件</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Server tab</source>
        <translation>服务端标签页(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Client tab</source>
        <translation>客户端标签页(&amp;C)</translation>
    </message>
    <message>
        <source>Status &amp;bar</source>
        <translation>状态栏(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Ferry</source>
        <translation>关于 Ferry(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>Sharing on port %1</source>
        <translation>正在端口 %1 上共享</translation>
    </message>
    <message>
        <source>Not sharing</source>
        <translation>未共享</translation>
    </message>
    <message>
        <source>About Ferry</source>
        <translation>关于 Ferry</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Share a folder on your local network and fetch files from it, each one checked with MD5.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;&lt;p&gt;Released under the MIT license.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ferry（摆渡）%1&lt;/h3&gt;&lt;p&gt;在局域网中共享文件夹并从中获取文件，每个文件都经过 MD5 校验。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建（运行于 Qt %3）。&lt;/p&gt;&lt;p&gt;以 MIT 许可证发布。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Keep running in the tray when the window closes</source>
        <translation>关闭窗口后在托盘中继续运行(&amp;K)</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window quits Ferry.</source>
        <translation>此桌面没有系统托盘：关闭窗口即退出 Ferry。</translation>
    </message>
    <message>
        <source>Share on &amp;login</source>
        <translation>登录时共享(&amp;L)</translation>
    </message>
    <message>
        <source>Start Ferry in the tray when you log in, sharing the last folder</source>
        <translation>登录时在托盘中启动 Ferry，并共享上次的文件夹</translation>
    </message>
    <message>
        <source>&amp;Notifications</source>
        <translation>通知(&amp;N)</translation>
    </message>
    <message>
        <source>Finished &amp;downloads</source>
        <translation>下载完成(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Incoming connections while the window is hidden</source>
        <translation>窗口隐藏时的传入连接(&amp;I)</translation>
    </message>
    <message numerus="yes">
        <source>%n download(s) in progress.</source>
        <translation>
            <numerusform>%n 个下载正在进行。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) being sent.</source>
        <translation>
            <numerusform>%n 个文件正在发送。</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit Ferry</source>
        <translation>退出 Ferry</translation>
    </message>
    <message>
        <source>Quit anyway?</source>
        <translation>仍要退出吗？</translation>
    </message>
    <message>
        <source>An unfinished download keeps its .part file, so it can be resumed later.</source>
        <translation>未完成的下载会保留其 .part 文件，以后可以续传。</translation>
    </message>
    <message>
        <source>Ferry is sharing %1.</source>
        <translation>Ferry 正在共享 %1。</translation>
    </message>
    <message>
        <source>Keep Ferry running?</source>
        <translation>让 Ferry 继续运行？</translation>
    </message>
    <message>
        <source>Keep it running in the tray?</source>
        <translation>要让它在托盘中继续运行吗？</translation>
    </message>
    <message>
        <source>The tray icon opens the window again. Ferry remembers your answer; change it under Settings.</source>
        <translation>点击托盘图标可重新打开窗口。Ferry 会记住您的选择，可在“设置”中更改。</translation>
    </message>
    <message>
        <source>&amp;Keep running</source>
        <translation>继续运行(&amp;K)</translation>
    </message>
    <message>
        <source>Ferry is still running</source>
        <translation>Ferry 仍在运行</translation>
    </message>
    <message>
        <source>Ferry keeps sharing and downloading in the tray. Click its icon to open the window.</source>
        <translation>Ferry 会在托盘中继续共享和下载。点击其图标可打开窗口。</translation>
    </message>
    <message>
        <source>Incoming connection</source>
        <translation>传入连接</translation>
    </message>
    <message>
        <source>%1 connected to your share.</source>
        <translation>%1 连接到了您的共享。</translation>
    </message>
    <message>
        <source>Share on login</source>
        <translation>登录时共享</translation>
    </message>
    <message>
        <source>Could not change %1: %2</source>
        <translation>无法更改 %1：%2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>two sentences in a row</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>Sett&amp;ings</source>
        <translation>设置(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Devices...</source>
        <translation>设备(&amp;D)...</translation>
    </message>
</context>
<context>
    <name>ferry::NearbyPanel</name>
    <message>
        <source>password</source>
        <translation>需要密码</translation>
    </message>
    <message>
        <source>Announced on %1; the name is the other computer&apos;s claim, not yet proven.</source>
        <translation>在 %1 上收到广播；名称只是对方的自称，尚未验证。</translation>
    </message>
    <message>
        <source>(found by scan)</source>
        <translation>（扫描发现）</translation>
    </message>
    <message>
        <source>Answered a scan but doesn&apos;t announce itself: multicast doesn&apos;t reach this computer from it.</source>
        <translation>它应答了扫描，但没有广播自己：它的组播到不了本机。</translation>
    </message>
    <message>
        <source>Near&amp;by:</source>
        <translation>附近(&amp;B)：</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>No share heard yet. Shares started on this network appear here by themselves; click one to list its files.</source>
        <translation>尚未收到任何共享。本网络上启动的共享会自动出现在这里；单击一个即可列出它的文件。</translation>
    </message>
    <message>
        <source>Discovery is turned off.</source>
        <translation>发现功能已关闭。</translation>
    </message>
    <message>
        <source>Can&apos;t see a share?</source>
        <translation>看不到共享？</translation>
    </message>
    <message>
        <source>%1, trusted, encrypted</source>
        <extracomment>Read by a screen reader for a Nearby row with the lock; %1 is the device name.</extracomment>
        <translation>%1，已信任，已加密</translation>
    </message>
    <message>
        <source>%1 A device you trusted: the connection is encrypted, and its certificate is checked before anything is sent.</source>
        <translation>%1这是你信任过的设备：连接经过加密，发送任何内容之前都会先核对它的证书。</translation>
    </message>
    <message>
        <source>Announced on %1.</source>
        <translation>在 %1 上收到广播。</translation>
    </message>
</context>
<context>
    <name>ferry::NearbySwitch</name>
    <message>
        <source>Visible on the ne&amp;twork as %1</source>
        <translation>在网络上显示为 %1(&amp;T)</translation>
    </message>
    <message>
        <source>Announce the share so that nearby computers list it. Switched off, it can still be reached by address.</source>
        <translation>广播此共享，让附近的电脑列出它。关闭后，仍可通过地址访问。</translation>
    </message>
</context>
<context>
    <name>ferry::RemoteListModel</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>修改时间</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in this folder and the folders in it</source>
        <translation>
            <numerusform>此文件夹及其子文件夹中共 %n 个文件</numerusform>
        </translation>
    </message>
    <message>
        <source>Files</source>
        <translation>文件数</translation>
    </message>
</context>
<context>
    <name>ferry::ServerTab</name>
    <message>
        <source>Choose the folder to share</source>
        <translation>选择要共享的文件夹</translation>
    </message>
    <message>
        <source>Sharing %1 on port %2</source>
        <translation>正在端口 %2 上共享 %1</translation>
    </message>
    <message>
        <source>Sharing stopped</source>
        <translation>已停止共享</translation>
    </message>
    <message>
        <source>Stop sharing</source>
        <translation>停止共享</translation>
    </message>
    <message>
        <source>Start sharing</source>
        <translation>开始共享</translation>
    </message>
    <message>
        <source>Counting the shared files...</source>
        <translation>正在统计共享的文件……</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) shared, %1 in total</source>
        <extracomment>%n is the number of files, %1 their total size such as &quot;1.5 GiB&quot;.</extracomment>
        <translation>
            <numerusform>共享了 %n 个文件，共 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Text files (*.txt)</source>
        <translation>文本文件 (*.txt)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save the connection log</source>
        <translation>保存连接日志</translation>
    </message>
    <message>
        <source>Log saved to %1</source>
        <translation>日志已保存到 %1</translation>
    </message>
    <message>
        <source>Could not save the log to %1</source>
        <translation>无法把日志保存到 %1</translation>
    </message>
    <message>
        <source>Choose a folder to share first.</source>
        <translation>请先选择要共享的文件夹。</translation>
    </message>
    <message>
        <source>Choose a folder, or drop one here</source>
        <translation>选择一个文件夹，或把文件夹拖到这里</translation>
    </message>
    <message>
        <source>&amp;Browse...</source>
        <translation>浏览(&amp;B)……</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>any free port</source>
        <translation>任意空闲端口</translation>
    </message>
    <message>
        <source>Who can connect:</source>
        <translation>谁可以连接：</translation>
    </message>
    <message>
        <source>Everyone on the network</source>
        <translation>局域网内所有人</translation>
    </message>
    <message>
        <source>This computer only</source>
        <translation>仅本机</translation>
    </message>
    <message>
        <source>Drop the folder here to share it</source>
        <translation>把文件夹拖到这里即可共享</translation>
    </message>
    <message>
        <source>Sharing</source>
        <translation>共享状态</translation>
    </message>
    <message>
        <source>A friend can type one of these addresses in Ferry:</source>
        <translation>朋友可以在 Ferry 中输入以下任一地址：</translation>
    </message>
    <message>
        <source>Files being sent</source>
        <translation>正在发送的文件</translation>
    </message>
    <message>
        <source>Connection log</source>
        <translation>连接日志</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Optional: require a password</source>
        <translation>可选：要求输入密码</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) being sent. Stop sharing anyway?</source>
        <translation>
            <numerusform>正在发送 %n 个文件。仍要停止共享吗？</numerusform>
        </translation>
    </message>
    <message>
        <source>The friends receiving them can resume later.</source>
        <translation>接收方之后可以续传。</translation>
    </message>
    <message>
        <source>Keep sharing</source>
        <translation>继续共享</translation>
    </message>
    <message>
        <source>ferry-log</source>
        <extracomment>The suggested file name for a saved log, without its extension.</extracomment>
        <translation>ferry-日志</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose the folder to share.</source>
        <extracomment>%1 is the path of a file that was chosen as the shared folder.</extracomment>
        <translation>%1 是文件，不是文件夹。请选择要共享的文件夹。</translation>
    </message>
    <message>
        <source>Port %1 is already in use by another program. Choose another port, or set Port to &quot;any free port&quot;.</source>
        <extracomment>%1 is a port number; &quot;any free port&quot; is the Port box&apos;s lowest choice.</extracomment>
        <translation>端口 %1 已被其他程序占用。请换一个端口，或把“端口”设为“任意空闲端口”。</translation>
    </message>
    <message>
        <source>Shared f&amp;older:</source>
        <translation>共享文件夹(&amp;O)：</translation>
    </message>
    <message>
        <source>Cl&amp;ear</source>
        <translation>清空(&amp;E)</translation>
    </message>
    <message>
        <source>Save &amp;as...</source>
        <translation>另存为(&amp;A)……</translation>
    </message>
    <message>
        <source>This device has no identity: sharing is not possible.</source>
        <translation>本设备没有身份：无法共享。</translation>
    </message>
    <message>
        <source>Files travel encrypted either way; the password decides who may download.</source>
        <translation>文件始终加密传输；密码决定谁可以下载。</translation>
    </message>
    <message>
        <source>Fingerprint %1</source>
        <translation>指纹 %1</translation>
    </message>
    <message>
        <source>Device &amp;name:</source>
        <translation>设备名称(&amp;N)：</translation>
    </message>
    <message>
        <source>What nearby computers list and what first contact shows. Empty: the computer&apos;s host name.</source>
        <translation>附近的电脑列出的、首次连接时对方看到的名称。留空：使用本机的主机名。</translation>
    </message>
</context>
<context>
    <name>ferry::ServerTransferModel</name>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Peer</source>
        <translation>对方地址</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
</context>
<context>
    <name>ferry::TransferModel</name>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <source>Resuming</source>
        <translation>正在续传</translation>
    </message>
    <message>
        <source>Downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>%1 verified  %2</source>
        <extracomment>%1 is a check mark, %2 the MD5 in hex. The verdict comes first so a narrow column still shows it.</extracomment>
        <translation>%1 已校验  %2</translation>
    </message>
    <message>
        <source>%1 MISMATCH  %2</source>
        <extracomment>%1 is a cross mark, %2 the MD5 in hex.</extracomment>
        <translation>%1 MD5 不一致  %2</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>more than 99 h</source>
        <translation>超过 99 小时</translation>
    </message>
    <message>
        <source>%1:%2:%3</source>
        <translation>%1:%2:%3</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Local MD5: %1
Server MD5: %2</source>
        <translation>本地 MD5：%1
服务端 MD5：%2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Bytes</source>
        <translation>字节数</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>速度</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>剩余时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>MD5</source>
        <translation>MD5</translation>
    </message>
    <message>
        <source>%1
(&quot;%2&quot; on the server)</source>
        <extracomment>%1 is the full local path, %2 the name on the server.</extracomment>
        <translation>%1
（服务端上的名字是“%2”）</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>已中断</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) failed</source>
        <translation>
            <numerusform>%n 个文件失败</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <extracomment>Ends the list of failed files: &quot;a.jpg, b.jpg, c.jpg, 5 more&quot;.</extracomment>
        <translation>
            <numerusform>另外 %n 个</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 %Ln failed: %2</source>
        <extracomment>%1 is a cross mark, %2 the names of the files that failed.</extracomment>
        <translation>
            <numerusform>%1 %Ln 个失败：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%1 %2 of %Ln verified</source>
        <extracomment>%1 is a check mark, %2 the files verified so far, %n all the folder&apos;s files: &quot;1,234 of 1,234 verified&quot;.</extracomment>
        <translation>
            <numerusform>%1 已校验 %2 / %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>正在重新连接</translation>
    </message>
</context>
<context>
    <name>ferry::TransferView</name>
    <message>
        <source>Drop files or names here to download them</source>
        <translation>把文件或文件名拖到这里即可下载</translation>
    </message>
</context>
<context>
    <name>ferry::Tray</name>
    <message>
        <source>Not sharing</source>
        <translation>未共享</translation>
    </message>
    <message>
        <source>&amp;Open Ferry</source>
        <translation>打开 Ferry(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Stop sharing</source>
        <translation>停止共享(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Ferry: not sharing</source>
        <translation>Ferry：未共享</translation>
    </message>
    <message>
        <source>Ferry: sharing %1 on port %2</source>
        <translation>Ferry：正在端口 %2 上共享 %1</translation>
    </message>
    <message>
        <source>Sharing &quot;%1&quot; on port %2</source>
        <translation>正在端口 %2 上共享“%1”</translation>
    </message>
</context>
</TS>
