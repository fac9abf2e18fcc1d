#include "networkprobe.h"
#include "sandbox.h"

#include <QFile>
#include <QTest>

#if defined(Q_OS_LINUX)
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#endif

using Storybook::Viewer::NetworkProbe;
using Storybook::Viewer::Sandbox;

// The viewer's sandbox in this process: the DISPLAY rule, the start-up policy (which steps aside
// without installing anything), then the filter itself. The filter cannot be removed, so the test
// that installs it runs last and everything after it runs under the filter.
class TestSandbox final : public QObject
{
    Q_OBJECT

    static QByteArray statusField(const QByteArray& name)
    {
        QFile status(QStringLiteral("/proc/self/status"));
        if (!status.open(QIODevice::ReadOnly))
            return {};
        const QByteArray prefix = name + QByteArray(":");
        for (const QByteArray& line : status.readAll().split('\n')) {
            if (line.startsWith(prefix))
                return line.mid(name.size() + 1).trimmed();
        }
        return {};
    }

private Q_SLOTS:
    void tcpDisplay_data()
    {
        QTest::addColumn<QString>("display");
        QTest::addColumn<bool>("tcp");
        QTest::newRow("unset") << QString() << false;
        QTest::newRow(":0") << QStringLiteral(":0") << false;
        QTest::newRow(":1.0") << QStringLiteral(":1.0") << false;
        QTest::newRow("unix:0") << QStringLiteral("unix:0") << false;
        QTest::newRow("unix/:0") << QStringLiteral("unix/:0") << false;
        QTest::newRow("local/host:0") << QStringLiteral("local/myhost:0") << false;
        QTest::newRow("socket path") << QStringLiteral("/tmp/.X11-unix/X0") << false;
        QTest::newRow("launchd path") << QStringLiteral("/private/tmp/com.apple.launchd.x/org.xquartz:0") << false;
        QTest::newRow("ssh -X") << QStringLiteral("localhost:10.0") << true;
        QTest::newRow("host:10.0") << QStringLiteral("host:10.0") << true;
        QTest::newRow("address") << QStringLiteral("192.168.1.5:0") << true;
        QTest::newRow("IPv6") << QStringLiteral("[::1]:0") << true;
        QTest::newRow("tcp/") << QStringLiteral("tcp/host:0") << true;
        QTest::newRow("inet6/") << QStringLiteral("inet6/host:0") << true;
        QTest::newRow("no colon") << QStringLiteral("garbage") << false;
    }

    void tcpDisplay()
    {
        QFETCH(QString, display);
        QFETCH(bool, tcp);
        QCOMPARE(Sandbox::isTcpDisplay(display), tcp);
    }

    void policyStepsAside()
    {
        const Sandbox::Result off = Sandbox::installAtStart({true, QStringLiteral(":0")});
        QVERIFY(!off.installed());
        QCOMPARE(off.reason, Sandbox::Reason::SwitchedOff);
        QVERIFY(off.logLine().contains(QStringLiteral("switched off")));

        const Sandbox::Result tcp = Sandbox::installAtStart({false, QStringLiteral("localhost:10.0")});
        QVERIFY(!tcp.installed());
        QCOMPARE(tcp.reason, Sandbox::Reason::TcpDisplay);
        QVERIFY2(tcp.logLine().contains(QStringLiteral("\"localhost:10.0\" is reached over TCP")),
                 qPrintable(tcp.logLine()));
#if defined(Q_OS_LINUX)
        QCOMPARE(statusField("Seccomp"), QByteArray("0")); // nothing was installed
        const QStringList probe = NetworkProbe::run(0);
        QVERIFY2(probe.contains(QStringLiteral("inet: allowed")), qPrintable(probe.join(u'\n')));
#endif
    }

    void environmentSwitch()
    {
        qputenv("STORYBOOK_VIEWER_SANDBOX", "off");
        QVERIFY(Sandbox::switchedOffByEnvironment());
        qputenv("STORYBOOK_VIEWER_SANDBOX", "on");
        QVERIFY(!Sandbox::switchedOffByEnvironment());
        qunsetenv("STORYBOOK_VIEWER_SANDBOX");
        QVERIFY(!Sandbox::switchedOffByEnvironment());
    }

    // Last: the filter stays for the rest of this process.
    void filterDeniesNetworkSockets()
    {
        const Sandbox::Result result = Sandbox::installAtStart({false, QStringLiteral(":0")});
#if defined(Q_OS_LINUX)
        QVERIFY2(result.installed(), qPrintable(result.logLine()));
        QCOMPARE(result.reason, Sandbox::Reason::None);
        QCOMPARE(statusField("Seccomp"), QByteArray("2"));
        QCOMPARE(statusField("NoNewPrivs"), QByteArray("1"));

        for (const int family : {AF_INET, AF_INET6, AF_PACKET}) {
            errno = 0;
            const int fd = ::socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            const int error = errno;
            if (fd >= 0)
                ::close(fd);
            QCOMPARE(fd, -1);
            QCOMPARE(error, EACCES);
        }
        const int local = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
        QVERIFY(local >= 0);
        ::close(local);
        int pair[2] = {-1, -1};
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair), 0);
        ::close(pair[0]);
        ::close(pair[1]);
#if defined(SYS_io_uring_setup)
        errno = 0;
        QCOMPARE(::syscall(SYS_io_uring_setup, 1, nullptr), -1L);
        QCOMPARE(errno, ENOSYS);
#endif
        const QStringList probe = NetworkProbe::run(0);
        QVERIFY2(probe.contains(QStringLiteral("inet6: refused (EACCES)")), qPrintable(probe.join(u'\n')));
        QVERIFY2(probe.contains(QStringLiteral("unix: allowed")), qPrintable(probe.join(u'\n')));
#else
        QVERIFY(!result.installed());
        QCOMPARE(result.reason, Sandbox::Reason::NotAvailable);
#endif
    }
};

QTEST_GUILESS_MAIN(TestSandbox)
#include "tst_sandbox.moc"
