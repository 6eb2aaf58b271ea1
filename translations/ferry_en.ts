<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>Autostart</name>
        <message>
            <source>cannot create the folder %1</source>
            <translation>cannot create the folder %1</translation>
        </message>
    </context>
    <context>
        <name>Cli</name>
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
            <source>Commands:
  (none)         start the window; --minimized starts it in the tray,
                 --share-last shares the last shared folder again
  serve DIR      share a folder
  list           show the files a server shares
  get NAME...    download files and verify their MD5
  devices        show this device's identity and the trusted devices
  discover       list the shares announced on the network
  help COMMAND   show the options of a command
</source>
            <translation>Commands:
  (none)         start the window; --minimized starts it in the tray,
                 --share-last shares the last shared folder again
  serve DIR      share a folder
  list           show the files a server shares
  get NAME...    download files and verify their MD5
  devices        show this device's identity and the trusted devices
  discover       list the shares announced on the network
  help COMMAND   show the options of a command
</translation>
        </message>
        <message>
            <source>serve, list, get, discover, devices or help.</source>
            <translation>serve, list, get, discover, devices or help.</translation>
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
        <message>
            <source>no Ferry greeting from %1: something accepted the connection but said nothing; check the address and port, and that the Ferry server there is running</source>
            <translation>no Ferry greeting from %1: something accepted the connection but said nothing; check the address and port, and that the Ferry server there is running</translation>
        </message>
        <message>
            <source>no answer from %1; check the address, the firewall and the network</source>
            <translation>no answer from %1; check the address, the firewall and the network</translation>
        </message>
        <message>
            <source>the connection to %1 was lost</source>
            <translation>the connection to %1 was lost</translation>
        </message>
        <message>
            <source>%1 in %2 is being written by another download right now; wait for it to finish</source>
            <translation>%1 in %2 is being written by another download right now; wait for it to finish</translation>
        </message>
        <message>
            <source>WARNING: the certificate of %1 ("%2") has CHANGED.
  trusted:  %3
  now:      %4
Someone may be intercepting the connection; nothing was sent. If the other computer really made a new identity, forget the old one with
  ferry devices --forget %5
and connect again.</source>
            <translation>WARNING: the certificate of %1 ("%2") has CHANGED.
  trusted:  %3
  now:      %4
Someone may be intercepting the connection; nothing was sent. If the other computer really made a new identity, forget the old one with
  ferry devices --forget %5
and connect again.</translation>
        </message>
        <message>
            <source>%1 ("%2") is a device this computer has not trusted yet; nothing was sent.
  fingerprint: %3
  comparison code: %4
Check the code on the server, then run again on a terminal to confirm it, or pass --fingerprint %5 (or --trust-new).</source>
            <translation>%1 ("%2") is a device this computer has not trusted yet; nothing was sent.
  fingerprint: %3
  comparison code: %4
Check the code on the server, then run again on a terminal to confirm it, or pass --fingerprint %5 (or --trust-new).</translation>
        </message>
        <message>
            <source>the certificate of %1 does not match --fingerprint: expected %2..., got %3; nothing was sent</source>
            <translation>the certificate of %1 does not match --fingerprint: expected %2..., got %3; nothing was sent</translation>
        </message>
        <message>
            <source>the server at %1 runs without encryption (--plaintext); pass --plaintext too, or ask for it to be started without --plaintext</source>
            <translation>the server at %1 runs without encryption (--plaintext); pass --plaintext too, or ask for it to be started without --plaintext</translation>
        </message>
        <message>
            <source>the other side at %1 uses encryption, but this side runs with --plaintext; drop --plaintext</source>
            <translation>the other side at %1 uses encryption, but this side runs with --plaintext; drop --plaintext</translation>
        </message>
        <message>
            <source>the encrypted connection to %1 could not be set up (%2)</source>
            <translation>the encrypted connection to %1 could not be set up (%2)</translation>
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
            <source>Server port (default %1).</source>
            <translation>Server port (default %1).</translation>
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
        <message>
            <source>Read the share's password from the first line of this file (without it, a terminal prompts when the server asks for one).</source>
            <translation>Read the share's password from the first line of this file (without it, a terminal prompts when the server asks for one).</translation>
        </message>
        <message>
            <source>invalid host: %1 (use HOST, HOST:PORT or [IPv6]:PORT)</source>
            <translation>invalid host: %1 (use HOST, HOST:PORT or [IPv6]:PORT)</translation>
        </message>
        <message>
            <source>Folder to save into (default: the current folder). Its parent must exist.</source>
            <translation>Folder to save into (default: the current folder). Its parent must exist.</translation>
        </message>
        <message>
            <source>%1 is not a folder</source>
            <translation>%1 is not a folder</translation>
        </message>
        <message>
            <source>the folder %1 does not exist; create it first, or choose another with -o</source>
            <translation>the folder %1 does not exist; create it first, or choose another with -o</translation>
        </message>
        <message>
            <source>could not create the folder %1</source>
            <translation>could not create the folder %1</translation>
        </message>
        <message>
            <source>created the folder %1</source>
            <translation>created the folder %1</translation>
        </message>
        <message>
            <source>%1 is kept: run the same command with --resume to continue, or delete it and %2 to start over</source>
            <translation>%1 is kept: run the same command with --resume to continue, or delete it and %2 to start over</translation>
        </message>
        <message>
            <source>%1 is kept: run the same command with --resume to continue, or delete it to start over</source>
            <translation>%1 is kept: run the same command with --resume to continue, or delete it to start over</translation>
        </message>
        <message>
            <source>failed: %1</source>
            <translation>failed: %1</translation>
        </message>
        <message>
            <source>failed: %1; %2</source>
            <translation>failed: %1; %2</translation>
        </message>
        <message>
            <source>skipped: %1: not downloaded because of the error above</source>
            <translation>skipped: %1: not downloaded because of the error above</translation>
        </message>
        <message>
            <source>failed: %1: interrupted</source>
            <translation>failed: %1: interrupted</translation>
        </message>
        <message>
            <source>failed: %1: interrupted; %2</source>
            <translation>failed: %1: interrupted; %2</translation>
        </message>
        <message>
            <source>Server to connect to: HOST, HOST:PORT, [IPv6]:PORT or a device name that discovery resolves (default %1). A port given here wins over --port.</source>
            <translation>Server to connect to: HOST, HOST:PORT, [IPv6]:PORT or a device name that discovery resolves (default %1). A port given here wins over --port.</translation>
        </message>
        <message>
            <source>%1 devices are announced as %2; use an address:</source>
            <translation>%1 devices are announced as %2; use an address:</translation>
        </message>
        <message>
            <source>On first contact, trust the server only if its certificate's fingerprint starts with this (at least 16 hex digits; see 'ferry serve' or 'ferry devices' on the server).</source>
            <translation>On first contact, trust the server only if its certificate's fingerprint starts with this (at least 16 hex digits; see 'ferry serve' or 'ferry devices' on the server).</translation>
        </message>
        <message>
            <source>On first contact, trust the server without checking its code (scripts on a network you trust). A changed certificate is still refused.</source>
            <translation>On first contact, trust the server without checking its code (scripts on a network you trust). A changed certificate is still refused.</translation>
        </message>
        <message>
            <source>Do not encrypt (for debugging and measurement only); the server needs --plaintext too.</source>
            <translation>Do not encrypt (for debugging and measurement only); the server needs --plaintext too.</translation>
        </message>
        <message>
            <source>--fingerprint needs 16 to 64 hex digits</source>
            <translation>--fingerprint needs 16 to 64 hex digits</translation>
        </message>
        <message>
            <source>Every NAME is a folder: fetch it with everything below it, empty folders too (a NAME ending in '/' means this as well).</source>
            <translation>Every NAME is a folder: fetch it with everything below it, empty folders too (a NAME ending in '/' means this as well).</translation>
        </message>
        <message>
            <source>When the connection drops after the server has answered, keep reconnecting for up to this many seconds and continue each unfinished file where it stopped (default %1; 0 gives up at once).</source>
            <translation>When the connection drops after the server has answered, keep reconnecting for up to this many seconds and continue each unfinished file where it stopped (default %1; 0 gives up at once).</translation>
        </message>
        <message>
            <source>invalid --retry-for: %1 (seconds, 0 to %2)</source>
            <translation>invalid --retry-for: %1 (seconds, 0 to %2)</translation>
        </message>
        <message numerus="yes">
            <source>%1; reconnecting for up to %n second(s)</source>
            <translation>
                <numerusform>%1; reconnecting for up to %n second</numerusform>
                <numerusform>%1; reconnecting for up to %n seconds</numerusform>
            </translation>
        </message>
        <message>
            <source>reconnected; continuing</source>
            <translation>reconnected; continuing</translation>
        </message>
    </context>
    <context>
        <name>DeviceIdentity</name>
        <message>
            <source>Device identity</source>
            <translation>Device identity</translation>
        </message>
        <message>
            <source>The identity file %1 can be read by other users, so its key may be known.</source>
            <translation>The identity file %1 can be read by other users, so its key may be known.</translation>
        </message>
        <message>
            <source>The identity file %1 is damaged.</source>
            <translation>The identity file %1 is damaged.</translation>
        </message>
        <message>
            <source>Make a new identity? Every device that trusts this one will refuse it until it forgets the old one. Without an identity, Ferry can neither share nor download.</source>
            <translation>Make a new identity? Every device that trusts this one will refuse it until it forgets the old one. Without an identity, Ferry can neither share nor download.</translation>
        </message>
        <message>
            <source>&amp;Make a new identity</source>
            <translation>&amp;Make a new identity</translation>
        </message>
        <message>
            <source>&amp;Not now</source>
            <translation>&amp;Not now</translation>
        </message>
        <message>
            <source>Trust this device?</source>
            <translation>Trust this device?</translation>
        </message>
        <message>
            <source>First connection to "%1" at %2.</source>
            <translation>First connection to "%1" at %2.</translation>
        </message>
        <message>
            <source>Check that the other computer shows the same comparison code:

%1

Trust it only if the codes match. Fingerprint:
%2</source>
            <translation>Check that the other computer shows the same comparison code:

%1

Trust it only if the codes match. Fingerprint:
%2</translation>
        </message>
        <message>
            <source>&amp;Trust</source>
            <translation>&amp;Trust</translation>
        </message>
        <message>
            <source>&amp;Don't trust</source>
            <translation>&amp;Don't trust</translation>
        </message>
    </context>
    <context>
        <name>DevicesCommand</name>
        <message>
            <source>the identity file %1 can be read by other users; its key may be known. Fix it with 'chmod 600 %1', or delete it to make a new identity (every device that trusts this one will then refuse it until it forgets it).</source>
            <translation>the identity file %1 can be read by other users; its key may be known. Fix it with 'chmod 600 %1', or delete it to make a new identity (every device that trusts this one will then refuse it until it forgets it).</translation>
        </message>
        <message>
            <source>the identity file %1 is damaged. Restore it from a backup, or delete it to make a new identity (every device that trusts this one will then refuse it until it forgets it).</source>
            <translation>the identity file %1 is damaged. Restore it from a backup, or delete it to make a new identity (every device that trusts this one will then refuse it until it forgets it).</translation>
        </message>
        <message>
            <source>could not read or create the identity in %1 (%2)</source>
            <translation>could not read or create the identity in %1 (%2)</translation>
        </message>
        <message>
            <source>First contact with %1 ("%2").</source>
            <translation>First contact with %1 ("%2").</translation>
        </message>
        <message>
            <source>  fingerprint:     %1</source>
            <translation>  fingerprint:     %1</translation>
        </message>
        <message>
            <source>  comparison code: %1</source>
            <translation>  comparison code: %1</translation>
        </message>
        <message>
            <source>The server shows the same code when this connects. Trust this device? [y/N] </source>
            <translation>The server shows the same code when this connects. Trust this device? [y/N] </translation>
        </message>
        <message>
            <source>y</source>
            <translation>y</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>yes</translation>
        </message>
        <message>
            <source>warning: --plaintext: nothing is encrypted or authenticated; anyone on the network can read and change what is sent.</source>
            <translation>warning: --plaintext: nothing is encrypted or authenticated; anyone on the network can read and change what is sent.</translation>
        </message>
        <message>
            <source>Show this device's identity and the devices it trusts.</source>
            <translation>Show this device's identity and the devices it trusts.</translation>
        </message>
        <message>
            <source>Forget the trusted device with this fingerprint (or a prefix of at least 4 hex digits), name or address.</source>
            <translation>Forget the trusted device with this fingerprint (or a prefix of at least 4 hex digits), name or address.</translation>
        </message>
        <message>
            <source>Set this device's name (empty: the host name).</source>
            <translation>Set this device's name (empty: the host name).</translation>
        </message>
        <message>
            <source>Try 'ferry help devices'.</source>
            <translation>Try 'ferry help devices'.</translation>
        </message>
        <message>
            <source>devices takes no names; use --forget</source>
            <translation>devices takes no names; use --forget</translation>
        </message>
        <message>
            <source>no trusted device matches %1</source>
            <translation>no trusted device matches %1</translation>
        </message>
        <message numerus="yes">
            <source>forgot %n device(s)</source>
            <translation>
                <numerusform>forgot %n device</numerusform>
                <numerusform>forgot %n devices</numerusform>
            </translation>
        </message>
        <message>
            <source>could not save the name</source>
            <translation>could not save the name</translation>
        </message>
        <message>
            <source>This device: %1</source>
            <translation>This device: %1</translation>
        </message>
        <message>
            <source>  fingerprint: %1</source>
            <translation>  fingerprint: %1</translation>
        </message>
        <message>
            <source>No trusted devices.</source>
            <translation>No trusted devices.</translation>
        </message>
        <message>
            <source>Trusted devices:</source>
            <translation>Trusted devices:</translation>
        </message>
    </context>
    <context>
        <name>DiagnosisText</name>
        <message>
            <source>no IPv4 address</source>
            <translation>no IPv4 address</translation>
        </message>
        <message>
            <source>used (VPN), joined the group</source>
            <translation>used (VPN), joined the group</translation>
        </message>
        <message>
            <source>used, joined the group</source>
            <translation>used, joined the group</translation>
        </message>
        <message>
            <source>used, but joining the group failed: %1</source>
            <translation>used, but joining the group failed: %1</translation>
        </message>
        <message>
            <source>skipped: its name matches %1 (a container or virtual machine bridge)</source>
            <translation>skipped: its name matches %1 (a container or virtual machine bridge)</translation>
        </message>
        <message>
            <source>skipped: not among the interfaces chosen in the settings</source>
            <translation>skipped: not among the interfaces chosen in the settings</translation>
        </message>
        <message>
            <source>skipped: loopback</source>
            <translation>skipped: loopback</translation>
        </message>
        <message>
            <source>skipped: down</source>
            <translation>skipped: down</translation>
        </message>
        <message>
            <source>skipped: no multicast</source>
            <translation>skipped: no multicast</translation>
        </message>
        <message>
            <source>skipped: no IPv4 address</source>
            <translation>skipped: no IPv4 address</translation>
        </message>
        <message>
            <source>sent %1, heard %2</source>
            <translation>sent %1, heard %2</translation>
        </message>
        <message>
            <source>Firewall: couldn't be checked (nft, iptables and ufw need root or aren't installed).</source>
            <translation>Firewall: couldn't be checked (nft, iptables and ufw need root or aren't installed).</translation>
        </message>
        <message>
            <source>Firewall: %1 read, no rule found that blocks Ferry.</source>
            <translation>Firewall: %1 read, no rule found that blocks Ferry.</translation>
        </message>
        <message>
            <source>Firewall: likely blocking (%1): %2</source>
            <translation>Firewall: likely blocking (%1): %2</translation>
        </message>
        <message>
            <source>No network interface is in use: connect to a network (Wi-Fi or cable) first.</source>
            <translation>No network interface is in use: connect to a network (Wi-Fi or cable) first.</translation>
        </message>
        <message>
            <source>Multicast was not heard: no announcement from another device arrived on any interface. A firewall on either device, or the access point, drops it. Try Scan my network.</source>
            <translation>Multicast was not heard: no announcement from another device arrived on any interface. A firewall on either device, or the access point, drops it. Try Scan my network.</translation>
        </message>
        <message>
            <source>This computer's firewall likely blocks port %1. Open it for UDP and TCP:</source>
            <translation>This computer's firewall likely blocks port %1. Open it for UDP and TCP:</translation>
        </message>
        <message>
            <source>If a firewall runs on either device, open port %1 for UDP and TCP:</source>
            <translation>If a firewall runs on either device, open port %1 for UDP and TCP:</translation>
        </message>
        <message>
            <source>Wi-Fi access points with client isolation ("AP isolation", guest networks) keep devices from seeing each other at all: turn it off in the router, or join both devices to the same non-guest network.</source>
            <translation>Wi-Fi access points with client isolation ("AP isolation", guest networks) keep devices from seeing each other at all: turn it off in the router, or join both devices to the same non-guest network.</translation>
        </message>
        <message>
            <source>A VPN is active (%1). Many VPNs block the local network: allow local network access in its settings, or disconnect it.</source>
            <translation>A VPN is active (%1). Many VPNs block the local network: allow local network access in its settings, or disconnect it.</translation>
        </message>
        <message>
            <source>A share on another subnet (say 192.168.1.x beside 192.168.0.x) is never announced to you: type its address by hand.</source>
            <translation>A share on another subnet (say 192.168.1.x beside 192.168.0.x) is never announced to you: type its address by hand.</translation>
        </message>
    </context>
    <context>
        <name>DiscoverCommand</name>
        <message>
            <source>List the shares announced on the local network, one per line: name, address, port, id, password (yes/no), separated by tabs.</source>
            <translation>List the shares announced on the local network, one per line: name, address, port, id, password (yes/no), separated by tabs.</translation>
        </message>
        <message>
            <source>Seconds to listen (default 2).</source>
            <translation>Seconds to listen (default 2).</translation>
        </message>
        <message>
            <source>Also say, per network interface, what discovery did, whether the firewall blocks, and what to try.</source>
            <translation>Also say, per network interface, what discovery did, whether the firewall blocks, and what to try.</translation>
        </message>
        <message>
            <source>Keep listening until Ctrl+C; print "added", "changed" or "removed", a tab, and the share's line whenever one comes, changes or goes.</source>
            <translation>Keep listening until Ctrl+C; print "added", "changed" or "removed", a tab, and the share's line whenever one comes, changes or goes.</translation>
        </message>
        <message>
            <source>Also probe every address of each used interface's /24 over TCP, for networks that drop multicast.</source>
            <translation>Also probe every address of each used interface's /24 over TCP, for networks that drop multicast.</translation>
        </message>
        <message>
            <source>Try 'ferry help discover'.</source>
            <translation>Try 'ferry help discover'.</translation>
        </message>
        <message>
            <source>discover takes no names</source>
            <translation>discover takes no names</translation>
        </message>
        <message>
            <source>Interfaces (group %1, port %2):</source>
            <translation>Interfaces (group %1, port %2):</translation>
        </message>
        <message numerus="yes">
            <source>Scan: %n share(s) answered over TCP, %1 of them not announced.</source>
            <translation>
                <numerusform>Scan: %n share answered over TCP, %1 of them not announced.</numerusform>
                <numerusform>Scan: %n shares answered over TCP, %1 of them not announced.</numerusform>
            </translation>
        </message>
        <message>
            <source>Hints:</source>
            <translation>Hints:</translation>
        </message>
        <message>
            <source>Log:</source>
            <translation>Log:</translation>
        </message>
        <message>
            <source>invalid --wait: %1 (give seconds from 0 to 3600, e.g. 2)</source>
            <translation>invalid --wait: %1 (give seconds from 0 to 3600, e.g. 2)</translation>
        </message>
    </context>
    <context>
        <name>ErrorText</name>
        <message>
            <source>No error.</source>
            <translation>No error.</translation>
        </message>
        <message>
            <source>The server has no file named "%1".</source>
            <translation>The server has no file named "%1".</translation>
        </message>
        <message>
            <source>The server has no such file.</source>
            <translation>The server has no such file.</translation>
        </message>
        <message>
            <source>"%1" is not a regular file on the server.</source>
            <translation>"%1" is not a regular file on the server.</translation>
        </message>
        <message>
            <source>That is not a regular file on the server.</source>
            <translation>That is not a regular file on the server.</translation>
        </message>
        <message>
            <source>The server refused the request for "%1".</source>
            <translation>The server refused the request for "%1".</translation>
        </message>
        <message>
            <source>The server refused the request.</source>
            <translation>The server refused the request.</translation>
        </message>
        <message>
            <source>The server could not read the file: %1</source>
            <translation>The server could not read the file: %1</translation>
        </message>
        <message>
            <source>The server could not read the file.</source>
            <translation>The server could not read the file.</translation>
        </message>
        <message>
            <source>The server is busy; try again later. (%1)</source>
            <translation>The server is busy; try again later. (%1)</translation>
        </message>
        <message>
            <source>The server is busy; try again later.</source>
            <translation>The server is busy; try again later.</translation>
        </message>
        <message>
            <source>The file changed on the server while it was being sent: %1</source>
            <translation>The file changed on the server while it was being sent: %1</translation>
        </message>
        <message>
            <source>The file changed on the server while it was being sent.</source>
            <translation>The file changed on the server while it was being sent.</translation>
        </message>
        <message>
            <source>The other side broke the Ferry protocol: %1</source>
            <translation>The other side broke the Ferry protocol: %1</translation>
        </message>
        <message>
            <source>The other side broke the Ferry protocol.</source>
            <translation>The other side broke the Ferry protocol.</translation>
        </message>
        <message>
            <source>The server speaks a different Ferry protocol version: %1</source>
            <translation>The server speaks a different Ferry protocol version: %1</translation>
        </message>
        <message>
            <source>The server speaks a different Ferry protocol version.</source>
            <translation>The server speaks a different Ferry protocol version.</translation>
        </message>
        <message>
            <source>The server needs a password.</source>
            <translation>The server needs a password.</translation>
        </message>
        <message>
            <source>The server did not accept the password.</source>
            <translation>The server did not accept the password.</translation>
        </message>
        <message>
            <source>The connection timed out: %1</source>
            <translation>The connection timed out: %1</translation>
        </message>
        <message>
            <source>The connection timed out.</source>
            <translation>The connection timed out.</translation>
        </message>
        <message>
            <source>The server refused more requests at once. (%1)</source>
            <translation>The server refused more requests at once. (%1)</translation>
        </message>
        <message>
            <source>The server refused more requests at once.</source>
            <translation>The server refused more requests at once.</translation>
        </message>
        <message>
            <source>Nothing is listening at %1. Is the Ferry server started?</source>
            <translation>Nothing is listening at %1. Is the Ferry server started?</translation>
        </message>
        <message>
            <source>Nothing is listening there. Is the Ferry server started?</source>
            <translation>Nothing is listening there. Is the Ferry server started?</translation>
        </message>
        <message>
            <source>The host %1 could not be found.</source>
            <translation>The host %1 could not be found.</translation>
        </message>
        <message>
            <source>The host could not be found.</source>
            <translation>The host could not be found.</translation>
        </message>
        <message>
            <source>%1 is not a Ferry server.</source>
            <translation>%1 is not a Ferry server.</translation>
        </message>
        <message>
            <source>That is not a Ferry server.</source>
            <translation>That is not a Ferry server.</translation>
        </message>
        <message>
            <source>The connection was lost: %1</source>
            <translation>The connection was lost: %1</translation>
        </message>
        <message>
            <source>The connection was lost.</source>
            <translation>The connection was lost.</translation>
        </message>
        <message>
            <source>The file could not be written: %1</source>
            <translation>The file could not be written: %1</translation>
        </message>
        <message>
            <source>The file could not be written.</source>
            <translation>The file could not be written.</translation>
        </message>
        <message>
            <source>A file named "%1" already exists in the destination.</source>
            <translation>A file named "%1" already exists in the destination.</translation>
        </message>
        <message>
            <source>A file of that name already exists in the destination.</source>
            <translation>A file of that name already exists in the destination.</translation>
        </message>
        <message>
            <source>The MD5 checksum of "%1" does not match; the download was discarded.</source>
            <translation>The MD5 checksum of "%1" does not match; the download was discarded.</translation>
        </message>
        <message>
            <source>The MD5 checksum does not match; the download was discarded.</source>
            <translation>The MD5 checksum does not match; the download was discarded.</translation>
        </message>
        <message>
            <source>"%1" is not an allowed file name.</source>
            <translation>"%1" is not an allowed file name.</translation>
        </message>
        <message>
            <source>That is not an allowed file name.</source>
            <translation>That is not an allowed file name.</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>Cancelled.</translation>
        </message>
        <message>
            <source>A network error occurred: %1</source>
            <translation>A network error occurred: %1</translation>
        </message>
        <message>
            <source>A network error occurred.</source>
            <translation>A network error occurred.</translation>
        </message>
        <message>
            <source>The port is already in use by another program: %1</source>
            <translation>The port is already in use by another program: %1</translation>
        </message>
        <message>
            <source>The port is already in use by another program.</source>
            <translation>The port is already in use by another program.</translation>
        </message>
        <message>
            <source>The shared folder does not exist any more: %1</source>
            <translation>The shared folder does not exist any more: %1</translation>
        </message>
        <message>
            <source>The shared folder does not exist any more.</source>
            <translation>The shared folder does not exist any more.</translation>
        </message>
        <message>
            <source>Permission denied: %1</source>
            <translation>Permission denied: %1</translation>
        </message>
        <message>
            <source>Permission denied.</source>
            <translation>Permission denied.</translation>
        </message>
        <message>
            <source>An internal error occurred: %1</source>
            <translation>An internal error occurred: %1</translation>
        </message>
        <message>
            <source>An internal error occurred.</source>
            <translation>An internal error occurred.</translation>
        </message>
        <message>
            <source>Unknown error %1.</source>
            <translation>Unknown error %1.</translation>
        </message>
        <message>
            <source>No Ferry greeting from %1: something accepted the connection but said nothing. Check the address and port, and that the Ferry server there is running.</source>
            <translation>No Ferry greeting from %1: something accepted the connection but said nothing. Check the address and port, and that the Ferry server there is running.</translation>
        </message>
        <message>
            <source>No Ferry greeting: something accepted the connection but said nothing. Check the address and port, and that the Ferry server there is running.</source>
            <translation>No Ferry greeting: something accepted the connection but said nothing. Check the address and port, and that the Ferry server there is running.</translation>
        </message>
        <message>
            <source>No answer from %1. Check the address, the firewall and the network.</source>
            <translation>No answer from %1. Check the address, the firewall and the network.</translation>
        </message>
        <message>
            <source>No answer. Check the address, the firewall and the network.</source>
            <translation>No answer. Check the address, the firewall and the network.</translation>
        </message>
        <message>
            <source>Another download is writing "%1" right now; wait for it to finish.</source>
            <translation>Another download is writing "%1" right now; wait for it to finish.</translation>
        </message>
        <message>
            <source>Another download is writing that file right now; wait for it to finish.</source>
            <translation>Another download is writing that file right now; wait for it to finish.</translation>
        </message>
        <message>
            <source>The connection timed out waiting for the Ferry greeting.</source>
            <translation>The connection timed out waiting for the Ferry greeting.</translation>
        </message>
        <message>
            <source>The connection timed out waiting for the password.</source>
            <translation>The connection timed out waiting for the password.</translation>
        </message>
        <message>
            <source>The connection timed out waiting for the next request.</source>
            <translation>The connection timed out waiting for the next request.</translation>
        </message>
        <message>
            <source>The connection timed out waiting for the file to be accepted.</source>
            <translation>The connection timed out waiting for the file to be accepted.</translation>
        </message>
        <message>
            <source>The connection timed out sending a file: the other side stopped reading.</source>
            <translation>The connection timed out sending a file: the other side stopped reading.</translation>
        </message>
        <message>
            <source>An unfinished download of "%1" is already there: choose Resume or Start over.</source>
            <translation>An unfinished download of "%1" is already there: choose Resume or Start over.</translation>
        </message>
        <message>
            <source>An unfinished download is already there: choose Resume or Start over.</source>
            <translation>An unfinished download is already there: choose Resume or Start over.</translation>
        </message>
        <message>
            <source>WARNING: the device "%1" at this address now shows a different certificate (was %2..., now %3...). Someone may be intercepting the connection. If the other computer really made a new identity, forget the old one in Devices and connect again.</source>
            <translation>WARNING: the device "%1" at this address now shows a different certificate (was %2..., now %3...). Someone may be intercepting the connection. If the other computer really made a new identity, forget the old one in Devices and connect again.</translation>
        </message>
        <message>
            <source>The device was not trusted, so nothing was sent to it.</source>
            <translation>The device was not trusted, so nothing was sent to it.</translation>
        </message>
        <message>
            <source>The device's certificate does not match the expected fingerprint.</source>
            <translation>The device's certificate does not match the expected fingerprint.</translation>
        </message>
        <message>
            <source>The server runs without encryption (--plaintext); this window only connects with encryption.</source>
            <translation>The server runs without encryption (--plaintext); this window only connects with encryption.</translation>
        </message>
        <message>
            <source>The other side uses encryption, but this side runs with --plaintext.</source>
            <translation>The other side uses encryption, but this side runs with --plaintext.</translation>
        </message>
        <message>
            <source>The encrypted connection could not be set up: %1</source>
            <translation>The encrypted connection could not be set up: %1</translation>
        </message>
        <message>
            <source>The encrypted connection could not be set up.</source>
            <translation>The encrypted connection could not be set up.</translation>
        </message>
    </context>
    <context>
        <name>GuiModule</name>
        <message>
            <source>%1 is in neither %2 nor %3</source>
            <translation>%1 is in neither %2 nor %3</translation>
        </message>
        <message>
            <source>cannot load %1: %2</source>
            <translation>cannot load %1: %2</translation>
        </message>
        <message>
            <source>cannot open the window: %1; the command line (ferry serve, ferry list, ferry get) still works</source>
            <translation>cannot open the window: %1; the command line (ferry serve, ferry list, ferry get) still works</translation>
        </message>
        <message>
            <source>it has no %1</source>
            <translation>it has no %1</translation>
        </message>
    </context>
    <context>
        <name>Password</name>
        <message>
            <source>cannot read the password file %1: %2</source>
            <translation>cannot read the password file %1: %2</translation>
        </message>
        <message>
            <source>the password file %1 is empty</source>
            <translation>the password file %1 is empty</translation>
        </message>
        <message>
            <source>Password for %1: </source>
            <translation>Password for %1: </translation>
        </message>
    </context>
    <context>
        <name>QFileDialog</name>
        <message>
            <source>Folder</source>
            <translation>Folder</translation>
        </message>
        <message>
            <source>%1 File</source>
            <translation>%1 File</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
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
        <message>
            <source>Most requests one connection may have waiting (default %1).</source>
            <translation>Most requests one connection may have waiting (default %1).</translation>
        </message>
        <message>
            <source>Seconds a new connection has to say hello and prove the password (default %1).</source>
            <translation>Seconds a new connection has to say hello and prove the password (default %1).</translation>
        </message>
        <message>
            <source>Seconds an idle connection is kept open (default %1).</source>
            <translation>Seconds an idle connection is kept open (default %1).</translation>
        </message>
        <message>
            <source>Seconds a transfer may make no progress (default %1).</source>
            <translation>Seconds a transfer may make no progress (default %1).</translation>
        </message>
        <message>
            <source>invalid --port, --bind, limit or timeout value</source>
            <translation>invalid --port, --bind, limit or timeout value</translation>
        </message>
        <message>
            <source>the connection was lost</source>
            <translation>the connection was lost</translation>
        </message>
        <message>
            <source>the connection was lost while sending %1</source>
            <translation>the connection was lost while sending %1</translation>
        </message>
        <message>
            <source>the client at %1 stopped answering</source>
            <translation>the client at %1 stopped answering</translation>
        </message>
        <message>
            <source>the client at %1 broke the protocol (%2)</source>
            <translation>the client at %1 broke the protocol (%2)</translation>
        </message>
        <message>
            <source>the client at %1 sent too many requests at once</source>
            <translation>the client at %1 sent too many requests at once</translation>
        </message>
        <message>
            <source>%1 is not a folder; name the folder to share</source>
            <translation>%1 is not a folder; name the folder to share</translation>
        </message>
        <message>
            <source>refused: wrong password</source>
            <translation>refused: wrong password</translation>
        </message>
        <message>
            <source>aborted %1 after %2 bytes: sharing stopped</source>
            <extracomment>%1 is a file name, %2 how many of its bytes went out before the send ended.</extracomment>
            <translation>aborted %1 after %2 bytes: sharing stopped</translation>
        </message>
        <message>
            <source>aborted %1 after %2 bytes: the client disconnected</source>
            <translation>aborted %1 after %2 bytes: the client disconnected</translation>
        </message>
        <message>
            <source>Don't announce the share on the local network; it can still be reached by address.</source>
            <translation>Don't announce the share on the local network; it can still be reached by address.</translation>
        </message>
        <message>
            <source>Announced on the local network as %1.</source>
            <translation>Announced on the local network as %1.</translation>
        </message>
        <message>
            <source>the client at %1 stopped answering before its greeting</source>
            <translation>the client at %1 stopped answering before its greeting</translation>
        </message>
        <message>
            <source>the client at %1 stopped answering before its password</source>
            <translation>the client at %1 stopped answering before its password</translation>
        </message>
        <message>
            <source>the client at %1 stopped answering: no request came in time</source>
            <translation>the client at %1 stopped answering: no request came in time</translation>
        </message>
        <message>
            <source>the client at %1 stopped answering: it did not accept the file in time</source>
            <translation>the client at %1 stopped answering: it did not accept the file in time</translation>
        </message>
        <message>
            <source>the client at %1 stopped reading what it asked for</source>
            <translation>the client at %1 stopped reading what it asked for</translation>
        </message>
        <message>
            <source>the client at %1 spoke without encryption (--plaintext); it was told that this server needs encryption</source>
            <translation>the client at %1 spoke without encryption (--plaintext); it was told that this server needs encryption</translation>
        </message>
        <message>
            <source>the client at %1 wants encryption, but this server runs with --plaintext</source>
            <translation>the client at %1 wants encryption, but this server runs with --plaintext</translation>
        </message>
        <message>
            <source>the encrypted connection with %1 could not be set up (%2)</source>
            <translation>the encrypted connection with %1 could not be set up (%2)</translation>
        </message>
        <message>
            <source>connected, comparison code %1</source>
            <translation>connected, comparison code %1</translation>
        </message>
        <message>
            <source>Require the password on the first line of this file.</source>
            <translation>Require the password on the first line of this file.</translation>
        </message>
        <message>
            <source>Do not encrypt (for debugging and measurement only); clients need --plaintext too.</source>
            <translation>Do not encrypt (for debugging and measurement only); clients need --plaintext too.</translation>
        </message>
        <message>
            <source>This device: %1</source>
            <translation>This device: %1</translation>
        </message>
        <message>
            <source>  fingerprint: %1</source>
            <translation>  fingerprint: %1</translation>
        </message>
        <message>
            <source>A password is required.</source>
            <translation>A password is required.</translation>
        </message>
        <message>
            <source>Set this device's name, the one announced and shown on first contact, and keep it (as 'ferry devices --name' does; default: the host name).</source>
            <translation>Set this device's name, the one announced and shown on first contact, and keep it (as 'ferry devices --name' does; default: the host name).</translation>
        </message>
        <message>
            <source>could not save the name</source>
            <translation>could not save the name</translation>
        </message>
    </context>
    <context>
        <name>ferry::AddressPanel</name>
        <message>
            <source>Copy</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>Copy this address to the clipboard</source>
            <translation>Copy this address to the clipboard</translation>
        </message>
    </context>
    <context>
        <name>ferry::ClientTab</name>
        <message>
            <source>Connecting to %1...</source>
            <translation>Connecting to %1...</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) on %1</source>
            <translation>
                <numerusform>%n file on %1</numerusform>
                <numerusform>%n files on %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Requested %n file(s)</source>
            <translation>
                <numerusform>Requested %n file</numerusform>
                <numerusform>Requested %n files</numerusform>
            </translation>
        </message>
        <message>
            <source>Choose where to save</source>
            <translation>Choose where to save</translation>
        </message>
        <message>
            <source>Download verified</source>
            <translation>Download verified</translation>
        </message>
        <message>
            <source>%1 arrived and its MD5 matches.</source>
            <translation>%1 arrived and its MD5 matches.</translation>
        </message>
        <message>
            <source>Download failed</source>
            <translation>Download failed</translation>
        </message>
        <message>
            <source>Address shown on the other computer</source>
            <translation>Address shown on the other computer</translation>
        </message>
        <message>
            <source>Files on the server:</source>
            <translation>Files on the server:</translation>
        </message>
        <message>
            <source>Filter by name</source>
            <translation>Filter by name</translation>
        </message>
        <message>
            <source>Type a file name to request it</source>
            <translation>Type a file name to request it</translation>
        </message>
        <message>
            <source>&amp;Get</source>
            <translation>&amp;Get</translation>
        </message>
        <message>
            <source>&amp;Download selected</source>
            <translation>&amp;Download selected</translation>
        </message>
        <message>
            <source>Continue from the part already downloaded</source>
            <translation>Continue from the part already downloaded</translation>
        </message>
        <message>
            <source>Clear finished</source>
            <translation>Clear finished</translation>
        </message>
        <message>
            <source>Type the address of the computer running Ferry first.</source>
            <translation>Type the address of the computer running Ferry first.</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Refresh</translation>
        </message>
        <message>
            <source>Co&amp;nnect</source>
            <translation>Co&amp;nnect</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>Pass&amp;word:</translation>
        </message>
        <message>
            <source>If the share has one</source>
            <translation>If the share has one</translation>
        </message>
        <message>
            <source>Hos&amp;t:</source>
            <translation>Hos&amp;t:</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <source>Na&amp;me:</source>
            <translation>Na&amp;me:</translation>
        </message>
        <message>
            <source>S&amp;ave to:</source>
            <translation>S&amp;ave to:</translation>
        </message>
        <message>
            <source>Choos&amp;e...</source>
            <translation>Choos&amp;e...</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Retr&amp;y</source>
            <translation>Retr&amp;y</translation>
        </message>
        <message>
            <source>Res&amp;ume</source>
            <translation>Res&amp;ume</translation>
        </message>
        <message>
            <source>&amp;Open folder</source>
            <translation>&amp;Open folder</translation>
        </message>
        <message>
            <source>%1 was saved as %2 and its MD5 matches.</source>
            <translation>%1 was saved as %2 and its MD5 matches.</translation>
        </message>
        <message>
            <source>Start over</source>
            <translation>Start over</translation>
        </message>
        <message>
            <source>Delete the unfinished download and download the file again from the beginning</source>
            <translation>Delete the unfinished download and download the file again from the beginning</translation>
        </message>
        <message>
            <source>Could not open the folder %1: no file manager was found. Open it yourself; this path can be selected and copied.</source>
            <translation>Could not open the folder %1: no file manager was found. Open it yourself; this path can be selected and copied.</translation>
        </message>
        <message>
            <source>Type an address, or pick a favourite: the addresses you typed are remembered here. Shares on this network are listed under Nearby.</source>
            <translation>Type an address, or pick a favourite: the addresses you typed are remembered here. Shares on this network are listed under Nearby.</translation>
        </message>
        <message>
            <source>"%1" is not an address Ferry can use: type HOST, HOST:PORT or [IPv6]:PORT, e.g. 192.168.1.20:6669.</source>
            <translation>"%1" is not an address Ferry can use: type HOST, HOST:PORT or [IPv6]:PORT, e.g. 192.168.1.20:6669.</translation>
        </message>
        <message>
            <source>Encrypted, talking to %1</source>
            <translation>Encrypted, talking to %1</translation>
        </message>
        <message>
            <source>Folder verified</source>
            <translation>Folder verified</translation>
        </message>
        <message numerus="yes">
            <source>%1: %Ln file(s) arrived and their MD5s match.</source>
            <translation>
                <numerusform>%1: %Ln file arrived and its MD5 matches.</numerusform>
                <numerusform>%1: %Ln files arrived and their MD5s match.</numerusform>
            </translation>
        </message>
        <message>
            <source>Folder download failed</source>
            <translation>Folder download failed</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message numerus="yes">
            <source>Requested %n folder(s)</source>
            <translation>
                <numerusform>Requested %n folder</numerusform>
                <numerusform>Requested %n folders</numerusform>
            </translation>
        </message>
        <message>
            <source>Requested %1 and %2</source>
            <translation>Requested %1 and %2</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s)</source>
            <translation>
                <numerusform>%n file</numerusform>
                <numerusform>%n files</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n folder(s)</source>
            <translation>
                <numerusform>%n folder</numerusform>
                <numerusform>%n folders</numerusform>
            </translation>
        </message>
        <message>
            <source>Double-click or press Enter to download a file or a whole folder; drag rows onto the transfer list below</source>
            <translation>Double-click or press Enter to download a file or a whole folder; drag rows onto the transfer list below</translation>
        </message>
        <message>
            <source>Download the selected files and folders (Enter)</source>
            <translation>Download the selected files and folders (Enter)</translation>
        </message>
        <message>
            <source>&amp;Download folder</source>
            <translation>&amp;Download folder</translation>
        </message>
        <message>
            <source>&amp;Download</source>
            <translation>&amp;Download</translation>
        </message>
        <message>
            <source>&amp;Hide files</source>
            <translation>&amp;Hide files</translation>
        </message>
        <message>
            <source>&amp;Show files</source>
            <translation>&amp;Show files</translation>
        </message>
    </context>
    <context>
        <name>ferry::ConflictPrompt</name>
        <message>
            <source>File already exists</source>
            <translation>File already exists</translation>
        </message>
        <message>
            <source>"%1" already exists in %2.</source>
            <translation>"%1" already exists in %2.</translation>
        </message>
        <message>
            <source>Replace it once the new copy is verified, keep both files, or cancel this download?</source>
            <translation>Replace it once the new copy is verified, keep both files, or cancel this download?</translation>
        </message>
        <message>
            <source>&amp;Replace</source>
            <translation>&amp;Replace</translation>
        </message>
        <message>
            <source>&amp;Keep both</source>
            <translation>&amp;Keep both</translation>
        </message>
    </context>
    <context>
        <name>ferry::DevicesDialog</name>
        <message>
            <source>Devices</source>
            <translation>Devices</translation>
        </message>
        <message>
            <source>This device's &amp;name:</source>
            <translation>This device's &amp;name:</translation>
        </message>
        <message>
            <source>No identity: this device can neither share nor download.</source>
            <translation>No identity: this device can neither share nor download.</translation>
        </message>
        <message>
            <source>Fingerprint: %1</source>
            <translation>Fingerprint: %1</translation>
        </message>
        <message>
            <source>&amp;Trusted devices:</source>
            <translation>&amp;Trusted devices:</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>Fingerprint</translation>
        </message>
        <message>
            <source>&amp;Forget</source>
            <translation>&amp;Forget</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
    </context>
    <context>
        <name>ferry::DiagnosisDialog</name>
        <message numerus="yes">
            <source>Scanning: %1 of %2 addresses probed, %n share(s) found.</source>
            <translation>
                <numerusform>Scanning: %1 of %2 addresses probed, %n share found.</numerusform>
                <numerusform>Scanning: %1 of %2 addresses probed, %n shares found.</numerusform>
            </translation>
        </message>
        <message>
            <source>Discovery is turned off (FERRY_NO_DISCOVERY).</source>
            <translation>Discovery is turned off (FERRY_NO_DISCOVERY).</translation>
        </message>
        <message>
            <source>Interfaces (group %1, port %2):</source>
            <translation>Interfaces (group %1, port %2):</translation>
        </message>
        <message>
            <source>Shares heard: %1.</source>
            <translation>Shares heard: %1.</translation>
        </message>
        <message numerus="yes">
            <source>Scan: %n share(s) answered over TCP.</source>
            <translation>
                <numerusform>Scan: %n share answered over TCP.</numerusform>
                <numerusform>Scan: %n shares answered over TCP.</numerusform>
            </translation>
        </message>
        <message>
            <source>Hints:</source>
            <translation>Hints:</translation>
        </message>
        <message>
            <source>Log:</source>
            <translation>Log:</translation>
        </message>
        <message>
            <source>Copied to the clipboard.</source>
            <translation>Copied to the clipboard.</translation>
        </message>
        <message>
            <source>Can't see a share?</source>
            <translation>Can't see a share?</translation>
        </message>
        <message>
            <source>What discovery did on each network interface of this computer, and what usually keeps a share from appearing. The other computer's "Can't see a share?" tells its side.</source>
            <translation>What discovery did on each network interface of this computer, and what usually keeps a share from appearing. The other computer's "Can't see a share?" tells its side.</translation>
        </message>
        <message>
            <source>&amp;Announce now</source>
            <translation>&amp;Announce now</translation>
        </message>
        <message>
            <source>Send this computer's announcement and ask every share to answer, now.</source>
            <translation>Send this computer's announcement and ask every share to answer, now.</translation>
        </message>
        <message>
            <source>&amp;Scan my network</source>
            <translation>&amp;Scan my network</translation>
        </message>
        <message>
            <source>Try every address of this computer's networks (/24) on port 6669 over TCP: finds shares even where multicast is blocked.</source>
            <translation>Try every address of this computer's networks (/24) on port 6669 over TCP: finds shares even where multicast is blocked.</translation>
        </message>
        <message>
            <source>Co&amp;py log</source>
            <translation>Co&amp;py log</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message numerus="yes">
            <source>Scan finished: %1 addresses probed, %n share(s) found.</source>
            <translation>
                <numerusform>Scan finished: %1 addresses probed, %n share found.</numerusform>
                <numerusform>Scan finished: %1 addresses probed, %n shares found.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ferry::LogModel</name>
        <message>
            <source>(connected)</source>
            <translation>(connected)</translation>
        </message>
        <message>
            <source>(file list)</source>
            <translation>(file list)</translation>
        </message>
        <message>
            <source>(disconnected)</source>
            <translation>(disconnected)</translation>
        </message>
        <message>
            <source>(limit)</source>
            <translation>(limit)</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s)</source>
            <translation>
                <numerusform>%n file</numerusform>
                <numerusform>%n files</numerusform>
            </translation>
        </message>
        <message>
            <source>connected</source>
            <translation>connected</translation>
        </message>
        <message>
            <source>listed</source>
            <translation>listed</translation>
        </message>
        <message>
            <source>requested</source>
            <translation>requested</translation>
        </message>
        <message>
            <source>done, verified sent</source>
            <translation>done, verified sent</translation>
        </message>
        <message>
            <source>refused: %1</source>
            <translation>refused: %1</translation>
        </message>
        <message>
            <source>error: %1</source>
            <translation>error: %1</translation>
        </message>
        <message>
            <source>disconnected</source>
            <translation>disconnected</translation>
        </message>
        <message>
            <source>limit reached: %1</source>
            <translation>limit reached: %1</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>Time</translation>
        </message>
        <message>
            <source>Peer</source>
            <translation>Peer</translation>
        </message>
        <message>
            <source>Request</source>
            <translation>Request</translation>
        </message>
        <message>
            <source>Bytes</source>
            <translation>Bytes</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>refused: wrong password</source>
            <translation>refused: wrong password</translation>
        </message>
        <message>
            <source>aborted: sharing was stopped</source>
            <translation>aborted: sharing was stopped</translation>
        </message>
        <message>
            <source>aborted: the client disconnected</source>
            <translation>aborted: the client disconnected</translation>
        </message>
        <message>
            <source>connected, comparison code %1</source>
            <translation>connected, comparison code %1</translation>
        </message>
    </context>
    <context>
        <name>ferry::MainWindow</name>
        <message>
            <source>Ferry</source>
            <translation>Ferry</translation>
        </message>
        <message>
            <source>&amp;Server</source>
            <translation>&amp;Server</translation>
        </message>
        <message>
            <source>Share a folder with computers on your network</source>
            <translation>Share a folder with computers on your network</translation>
        </message>
        <message>
            <source>&amp;Client</source>
            <translation>&amp;Client</translation>
        </message>
        <message>
            <source>Download files from another computer running Ferry</source>
            <translation>Download files from another computer running Ferry</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Server tab</source>
            <translation>&amp;Server tab</translation>
        </message>
        <message>
            <source>&amp;Client tab</source>
            <translation>&amp;Client tab</translation>
        </message>
        <message>
            <source>Status &amp;bar</source>
            <translation>Status &amp;bar</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;System language</source>
            <translation>&amp;System language</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>&amp;About Ferry</source>
            <translation>&amp;About Ferry</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>About &amp;Qt</translation>
        </message>
        <message>
            <source>Sharing on port %1</source>
            <translation>Sharing on port %1</translation>
        </message>
        <message>
            <source>Not sharing</source>
            <translation>Not sharing</translation>
        </message>
        <message>
            <source>About Ferry</source>
            <translation>About Ferry</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Share a folder on your local network and fetch files from it, each one checked with MD5.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;&lt;p&gt;Released under the MIT license.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Ferry %1&lt;/h3&gt;&lt;p&gt;Share a folder on your local network and fetch files from it, each one checked with MD5.&lt;/p&gt;&lt;p&gt;Built with Qt %2 (running on Qt %3).&lt;/p&gt;&lt;p&gt;Released under the MIT license.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&amp;Keep running in the tray when the window closes</source>
            <translation>&amp;Keep running in the tray when the window closes</translation>
        </message>
        <message>
            <source>This desktop has no system tray: closing the window quits Ferry.</source>
            <translation>This desktop has no system tray: closing the window quits Ferry.</translation>
        </message>
        <message>
            <source>Share on &amp;login</source>
            <translation>Share on &amp;login</translation>
        </message>
        <message>
            <source>Start Ferry in the tray when you log in, sharing the last folder</source>
            <translation>Start Ferry in the tray when you log in, sharing the last folder</translation>
        </message>
        <message>
            <source>&amp;Notifications</source>
            <translation>&amp;Notifications</translation>
        </message>
        <message>
            <source>Finished &amp;downloads</source>
            <translation>Finished &amp;downloads</translation>
        </message>
        <message>
            <source>&amp;Incoming connections while the window is hidden</source>
            <translation>&amp;Incoming connections while the window is hidden</translation>
        </message>
        <message numerus="yes">
            <source>%n download(s) in progress.</source>
            <translation>
                <numerusform>%n download in progress.</numerusform>
                <numerusform>%n downloads in progress.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) being sent.</source>
            <translation>
                <numerusform>%n file being sent.</numerusform>
                <numerusform>%n files being sent.</numerusform>
            </translation>
        </message>
        <message>
            <source>Quit Ferry</source>
            <translation>Quit Ferry</translation>
        </message>
        <message>
            <source>Quit anyway?</source>
            <translation>Quit anyway?</translation>
        </message>
        <message>
            <source>An unfinished download keeps its .part file, so it can be resumed later.</source>
            <translation>An unfinished download keeps its .part file, so it can be resumed later.</translation>
        </message>
        <message>
            <source>Ferry is sharing %1.</source>
            <translation>Ferry is sharing %1.</translation>
        </message>
        <message>
            <source>Keep Ferry running?</source>
            <translation>Keep Ferry running?</translation>
        </message>
        <message>
            <source>Keep it running in the tray?</source>
            <translation>Keep it running in the tray?</translation>
        </message>
        <message>
            <source>The tray icon opens the window again. Ferry remembers your answer; change it under Settings.</source>
            <translation>The tray icon opens the window again. Ferry remembers your answer; change it under Settings.</translation>
        </message>
        <message>
            <source>&amp;Keep running</source>
            <translation>&amp;Keep running</translation>
        </message>
        <message>
            <source>Ferry is still running</source>
            <translation>Ferry is still running</translation>
        </message>
        <message>
            <source>Ferry keeps sharing and downloading in the tray. Click its icon to open the window.</source>
            <translation>Ferry keeps sharing and downloading in the tray. Click its icon to open the window.</translation>
        </message>
        <message>
            <source>Incoming connection</source>
            <translation>Incoming connection</translation>
        </message>
        <message>
            <source>%1 connected to your share.</source>
            <translation>%1 connected to your share.</translation>
        </message>
        <message>
            <source>Share on login</source>
            <translation>Share on login</translation>
        </message>
        <message>
            <source>Could not change %1: %2</source>
            <translation>Could not change %1: %2</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <comment>two sentences in a row</comment>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>Sett&amp;ings</source>
            <translation>Sett&amp;ings</translation>
        </message>
        <message>
            <source>&amp;Devices...</source>
            <translation>&amp;Devices...</translation>
        </message>
    </context>
    <context>
        <name>ferry::NearbyPanel</name>
        <message>
            <source>password</source>
            <translation>password</translation>
        </message>
        <message>
            <source>Announced on %1; the name is the other computer's claim, not yet proven.</source>
            <translation>Announced on %1; the name is the other computer's claim, not yet proven.</translation>
        </message>
        <message>
            <source>(found by scan)</source>
            <translation>(found by scan)</translation>
        </message>
        <message>
            <source>Answered a scan but doesn't announce itself: multicast doesn't reach this computer from it.</source>
            <translation>Answered a scan but doesn't announce itself: multicast doesn't reach this computer from it.</translation>
        </message>
        <message>
            <source>Near&amp;by:</source>
            <translation>Near&amp;by:</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>Address</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>No share heard yet. Shares started on this network appear here by themselves; click one to list its files.</source>
            <translation>No share heard yet. Shares started on this network appear here by themselves; click one to list its files.</translation>
        </message>
        <message>
            <source>Discovery is turned off.</source>
            <translation>Discovery is turned off.</translation>
        </message>
        <message>
            <source>Can't see a share?</source>
            <translation>Can't see a share?</translation>
        </message>
        <message>
            <source>%1, trusted, encrypted</source>
            <extracomment>Read by a screen reader for a Nearby row with the lock; %1 is the device name.</extracomment>
            <translation>%1, trusted, encrypted</translation>
        </message>
        <message>
            <source>%1 A device you trusted: the connection is encrypted, and its certificate is checked before anything is sent.</source>
            <translation>%1 A device you trusted: the connection is encrypted, and its certificate is checked before anything is sent.</translation>
        </message>
        <message>
            <source>Announced on %1.</source>
            <translation>Announced on %1.</translation>
        </message>
    </context>
    <context>
        <name>ferry::NearbySwitch</name>
        <message>
            <source>Visible on the ne&amp;twork as %1</source>
            <translation>Visible on the ne&amp;twork as %1</translation>
        </message>
        <message>
            <source>Announce the share so that nearby computers list it. Switched off, it can still be reached by address.</source>
            <translation>Announce the share so that nearby computers list it. Switched off, it can still be reached by address.</translation>
        </message>
    </context>
    <context>
        <name>ferry::RemoteListModel</name>
        <message numerus="yes">
            <source>%n byte(s)</source>
            <translation>
                <numerusform>%n byte</numerusform>
                <numerusform>%n bytes</numerusform>
            </translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>Size</translation>
        </message>
        <message>
            <source>Modified</source>
            <translation>Modified</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) in this folder and the folders in it</source>
            <translation>
                <numerusform>%n file in this folder and the folders in it</numerusform>
                <numerusform>%n files in this folder and the folders in it</numerusform>
            </translation>
        </message>
        <message>
            <source>Files</source>
            <translation>Files</translation>
        </message>
    </context>
    <context>
        <name>ferry::ServerTab</name>
        <message>
            <source>Choose the folder to share</source>
            <translation>Choose the folder to share</translation>
        </message>
        <message>
            <source>Sharing %1 on port %2</source>
            <translation>Sharing %1 on port %2</translation>
        </message>
        <message>
            <source>Sharing stopped</source>
            <translation>Sharing stopped</translation>
        </message>
        <message>
            <source>Stop sharing</source>
            <translation>Stop sharing</translation>
        </message>
        <message>
            <source>Start sharing</source>
            <translation>Start sharing</translation>
        </message>
        <message>
            <source>Counting the shared files...</source>
            <translation>Counting the shared files...</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) shared, %1 in total</source>
            <extracomment>%n is the number of files, %1 their total size such as "1.5 GiB".</extracomment>
            <translation>
                <numerusform>%n file shared, %1 in total</numerusform>
                <numerusform>%n files shared, %1 in total</numerusform>
            </translation>
        </message>
        <message>
            <source>Text files (*.txt)</source>
            <translation>Text files (*.txt)</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV files (*.csv)</translation>
        </message>
        <message>
            <source>Save the connection log</source>
            <translation>Save the connection log</translation>
        </message>
        <message>
            <source>Log saved to %1</source>
            <translation>Log saved to %1</translation>
        </message>
        <message>
            <source>Could not save the log to %1</source>
            <translation>Could not save the log to %1</translation>
        </message>
        <message>
            <source>Choose a folder to share first.</source>
            <translation>Choose a folder to share first.</translation>
        </message>
        <message>
            <source>Choose a folder, or drop one here</source>
            <translation>Choose a folder, or drop one here</translation>
        </message>
        <message>
            <source>&amp;Browse...</source>
            <translation>&amp;Browse...</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <source>any free port</source>
            <translation>any free port</translation>
        </message>
        <message>
            <source>Who can connect:</source>
            <translation>Who can connect:</translation>
        </message>
        <message>
            <source>Everyone on the network</source>
            <translation>Everyone on the network</translation>
        </message>
        <message>
            <source>This computer only</source>
            <translation>This computer only</translation>
        </message>
        <message>
            <source>Drop the folder here to share it</source>
            <translation>Drop the folder here to share it</translation>
        </message>
        <message>
            <source>Sharing</source>
            <translation>Sharing</translation>
        </message>
        <message>
            <source>A friend can type one of these addresses in Ferry:</source>
            <translation>A friend can type one of these addresses in Ferry:</translation>
        </message>
        <message>
            <source>Files being sent</source>
            <translation>Files being sent</translation>
        </message>
        <message>
            <source>Connection log</source>
            <translation>Connection log</translation>
        </message>
        <message>
            <source>Pass&amp;word:</source>
            <translation>Pass&amp;word:</translation>
        </message>
        <message>
            <source>Optional: require a password</source>
            <translation>Optional: require a password</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) being sent. Stop sharing anyway?</source>
            <translation>
                <numerusform>%n file being sent. Stop sharing anyway?</numerusform>
                <numerusform>%n files being sent. Stop sharing anyway?</numerusform>
            </translation>
        </message>
        <message>
            <source>The friends receiving them can resume later.</source>
            <translation>The friends receiving them can resume later.</translation>
        </message>
        <message>
            <source>Keep sharing</source>
            <translation>Keep sharing</translation>
        </message>
        <message>
            <source>ferry-log</source>
            <extracomment>The suggested file name for a saved log, without its extension.</extracomment>
            <translation>ferry-log</translation>
        </message>
        <message>
            <source>%1 is a file, not a folder. Choose the folder to share.</source>
            <extracomment>%1 is the path of a file that was chosen as the shared folder.</extracomment>
            <translation>%1 is a file, not a folder. Choose the folder to share.</translation>
        </message>
        <message>
            <source>Port %1 is already in use by another program. Choose another port, or set Port to "any free port".</source>
            <extracomment>%1 is a port number; "any free port" is the Port box's lowest choice.</extracomment>
            <translation>Port %1 is already in use by another program. Choose another port, or set Port to "any free port".</translation>
        </message>
        <message>
            <source>Shared f&amp;older:</source>
            <translation>Shared f&amp;older:</translation>
        </message>
        <message>
            <source>Cl&amp;ear</source>
            <translation>Cl&amp;ear</translation>
        </message>
        <message>
            <source>Save &amp;as...</source>
            <translation>Save &amp;as...</translation>
        </message>
        <message>
            <source>This device has no identity: sharing is not possible.</source>
            <translation>This device has no identity: sharing is not possible.</translation>
        </message>
        <message>
            <source>Files travel encrypted either way; the password decides who may download.</source>
            <translation>Files travel encrypted either way; the password decides who may download.</translation>
        </message>
        <message>
            <source>Fingerprint %1</source>
            <translation>Fingerprint %1</translation>
        </message>
        <message>
            <source>Device &amp;name:</source>
            <translation>Device &amp;name:</translation>
        </message>
        <message>
            <source>What nearby computers list and what first contact shows. Empty: the computer's host name.</source>
            <translation>What nearby computers list and what first contact shows. Empty: the computer's host name.</translation>
        </message>
    </context>
    <context>
        <name>ferry::ServerTransferModel</name>
        <message>
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <source>Peer</source>
            <translation>Peer</translation>
        </message>
        <message>
            <source>File</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Bytes</source>
            <translation>Bytes</translation>
        </message>
    </context>
    <context>
        <name>ferry::TransferModel</name>
        <message>
            <source>Queued</source>
            <translation>Queued</translation>
        </message>
        <message>
            <source>Connecting</source>
            <translation>Connecting</translation>
        </message>
        <message>
            <source>Resuming</source>
            <translation>Resuming</translation>
        </message>
        <message>
            <source>Downloading</source>
            <translation>Downloading</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>Done</translation>
        </message>
        <message>
            <source>%1 verified  %2</source>
            <extracomment>%1 is a check mark, %2 the MD5 in hex. The verdict comes first so a narrow column still shows it.</extracomment>
            <translation>%1 verified  %2</translation>
        </message>
        <message>
            <source>%1 MISMATCH  %2</source>
            <extracomment>%1 is a cross mark, %2 the MD5 in hex.</extracomment>
            <translation>%1 MISMATCH  %2</translation>
        </message>
        <message>
            <source>%1 of %2</source>
            <translation>%1 of %2</translation>
        </message>
        <message>
            <source>%1/s</source>
            <translation>%1/s</translation>
        </message>
        <message>
            <source>more than 99 h</source>
            <translation>more than 99 h</translation>
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
            <translation>Local MD5: %1
Server MD5: %2</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>Progress</translation>
        </message>
        <message>
            <source>Bytes</source>
            <translation>Bytes</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>Rate</translation>
        </message>
        <message>
            <source>Time left</source>
            <translation>Time left</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>MD5</source>
            <translation>MD5</translation>
        </message>
        <message>
            <source>%1
("%2" on the server)</source>
            <extracomment>%1 is the full local path, %2 the name on the server.</extracomment>
            <translation>%1
("%2" on the server)</translation>
        </message>
        <message>
            <source>Interrupted</source>
            <translation>Interrupted</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) failed</source>
            <translation>
                <numerusform>%n file failed</numerusform>
                <numerusform>%n files failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n more</source>
            <extracomment>Ends the list of failed files: "a.jpg, b.jpg, c.jpg, 5 more".</extracomment>
            <translation>
                <numerusform>%n more</numerusform>
                <numerusform>%n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1 %Ln failed: %2</source>
            <extracomment>%1 is a cross mark, %2 the names of the files that failed.</extracomment>
            <translation>
                <numerusform>%1 %Ln failed: %2</numerusform>
                <numerusform>%1 %Ln failed: %2</numerusform>
            </translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message numerus="yes">
            <source>%1 %2 of %Ln verified</source>
            <extracomment>%1 is a check mark, %2 the files verified so far, %n all the folder's files: "1,234 of 1,234 verified".</extracomment>
            <translation>
                <numerusform>%1 %2 of %Ln verified</numerusform>
                <numerusform>%1 %2 of %Ln verified</numerusform>
            </translation>
        </message>
        <message>
            <source>Reconnecting</source>
            <translation>Reconnecting</translation>
        </message>
    </context>
    <context>
        <name>ferry::TransferView</name>
        <message>
            <source>Drop files or names here to download them</source>
            <translation>Drop files or names here to download them</translation>
        </message>
    </context>
    <context>
        <name>ferry::Tray</name>
        <message>
            <source>Not sharing</source>
            <translation>Not sharing</translation>
        </message>
        <message>
            <source>&amp;Open Ferry</source>
            <translation>&amp;Open Ferry</translation>
        </message>
        <message>
            <source>&amp;Stop sharing</source>
            <translation>&amp;Stop sharing</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>Ferry: not sharing</source>
            <translation>Ferry: not sharing</translation>
        </message>
        <message>
            <source>Ferry: sharing %1 on port %2</source>
            <translation>Ferry: sharing %1 on port %2</translation>
        </message>
        <message>
            <source>Sharing "%1" on port %2</source>
            <translation>Sharing "%1" on port %2</translation>
        </message>
    </context>
</TS>
