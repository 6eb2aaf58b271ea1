// The discovery datagram parser and the capped peer table: pure, no sockets.

#include "discovery/announcement.h"
#include "discovery/peertable.h"

#include <QtEndian>
#include <QtTest>

using namespace ferry::discovery;

namespace {

QByteArray datagram(quint8 kind, const QByteArray &name, quint16 port = 6669, quint8 flags = 0,
    quint8 version = 1, QByteArray id = QByteArray(16, '\x07'))
{
    QByteArray d("FRYD");
    d.append(char(version)).append(char(kind)).append(char(flags)).append(id);
    char p[2];
    qToBigEndian<quint16>(port, p);
    d.append(p, 2).append(char(name.size())).append(name);
    return d;
}

} // namespace

class tst_Announcement : public QObject
{
    Q_OBJECT
private slots:
    void parse_data();
    void parse();
    void roundTripsAChineseName();
    void peerTableIsCapped();
};

void tst_Announcement::parse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("valid");
    QTest::newRow("announce") << datagram(1, "laptop") << true;
    QTest::newRow("reply with password") << datagram(2, "laptop", 6669, 1) << true;
    QTest::newRow("query without name or port") << datagram(3, "", 0) << true;
    QTest::newRow("goodbye") << datagram(4, "laptop") << true;
    QTest::newRow("later fields ignored") << datagram(1, "x") + QByteArray(100, 'z') << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("LocalSend-style json") << QByteArray("{\"alias\":\"x\"}") << false;
    QTest::newRow("wrong magic") << datagram(1, "x").replace(0, 4, "FRYX") << false;
    QTest::newRow("version 2") << datagram(1, "x", 6669, 0, 2) << false;
    QTest::newRow("unknown kind") << datagram(9, "x") << false;
    QTest::newRow("unknown flag") << datagram(1, "x", 6669, 2) << false;
    QTest::newRow("announce port 0") << datagram(1, "x", 0) << false;
    QTest::newRow("announce without name") << datagram(1, "") << false;
    QTest::newRow("name longer than 64") << datagram(1, QByteArray(65, 'a')) << false;
    QTest::newRow("name past the end") << datagram(1, "abc").chopped(1) << false;
    QTest::newRow("control character") << datagram(1, "a\tb") << false;
    // Bidi controls make a name show as something else ("gpj.exe" read backwards).
    QTest::newRow("right-to-left override") << datagram(1, "a\xe2\x80\xaez") << false;
    QTest::newRow("right-to-left mark") << datagram(1, "a\xe2\x80\x8fz") << false;
    QTest::newRow("first strong isolate") << datagram(1, "a\xe2\x81\xa8z") << false;
    QTest::newRow("arabic letter mark") << datagram(1, "a\xd8\x9cz") << false;
    QTest::newRow("leading space") << datagram(1, " a") << false;
    QTest::newRow("bad UTF-8") << datagram(1, "\xff\xfe") << false;
    QTest::newRow("all-zero id") << datagram(1, "x", 6669, 0, 1, QByteArray(16, '\0')) << false;
    QTest::newRow("512 bytes") << datagram(1, "x") + QByteArray(512, 'z') << false;
}

void tst_Announcement::parse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, valid);
    const auto a = parseAnnouncement(bytes);
    QCOMPARE(a.has_value(), valid);
    if (a)
        QCOMPARE(parseAnnouncement(encodeAnnouncement(*a)), a);
}

void tst_Announcement::roundTripsAChineseName()
{
    Announcement a;
    a.id = QByteArray(16, '\x01');
    a.name = QString::fromUtf8("\xe5\xb0\x8f\xe7\x8e\x8b\xe7\x9a\x84\xe7\x94\xb5\xe8\x84\x91");
    a.port = 7000;
    a.passwordRequired = true;
    const QByteArray bytes = encodeAnnouncement(a);
    QVERIFY(bytes.size() <= kMaxDatagram);
    QCOMPARE(parseAnnouncement(bytes), a);
    // A long name is cut on a character boundary, never mid-character.
    a.name = QString(40, QChar(0x4e2d));
    const auto cut = parseAnnouncement(encodeAnnouncement(a));
    QVERIFY(cut);
    QCOMPARE(cut->name, QString(21, QChar(0x4e2d)));
}

void tst_Announcement::peerTableIsCapped()
{
    PeerTable table(256);
    for (int i = 0; i < 100000; ++i) {
        Peer p;
        p.id = QByteArray::number(i);
        p.name = QStringLiteral("flood");
        table.update(p);
    }
    QCOMPARE(table.size(), 256);
    QCOMPARE(table.dropped(), 100000 - 256);
    // Peers already there are still refreshed, and expiry makes room again.
    Peer known;
    known.id = QByteArray::number(3);
    known.name = QStringLiteral("flood");
    known.lastSeenMs = 10000;
    QCOMPARE(table.update(known), PeerTable::Change::Refreshed);
    QCOMPARE(table.expire(10000, 5000).size(), 255);
    QCOMPARE(table.size(), 1);
}

QTEST_GUILESS_MAIN(tst_Announcement)
#include "tst_announcement.moc"
