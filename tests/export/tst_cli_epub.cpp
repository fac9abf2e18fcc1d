// storybook-cli story export --format epub: a book from the library, the reading path and every
// branch, and a failure that leaves no file.

#include "clirun.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Storybook::Test;

class TestCliEpub final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;

    CliRun cli(const QStringList& arguments)
    {
        return runCli(QStringLiteral(STORYBOOK_CLI_PATH),
                      arguments + QStringList{QStringLiteral("--library"), m_home.filePath(QStringLiteral("library"))},
                      cliEnvironment(m_home.path(), QStringLiteral("sk-test-unused")));
    }

private Q_SLOTS:
    void exportsEpub()
    {
        QVERIFY(m_home.isValid());
        // A new library starts with the sample stories.
        const CliRun list = cli({QStringLiteral("story"), QStringLiteral("list")});
        QCOMPARE(list.exitCode, 0);
        QVERIFY2(list.out.contains("sample-en-lantern"), list.out.constData());
        for (const bool all : {false, true}) {
            const QString output = m_home.filePath(all ? QStringLiteral("all.epub") : QStringLiteral("path.epub"));
            QStringList arguments{QStringLiteral("story"), QStringLiteral("export"), QStringLiteral("sample-en-lantern"),
                                  QStringLiteral("--format"), QStringLiteral("EPUB"), QStringLiteral("--output"), output};
            if (all)
                arguments.append(QStringLiteral("--all-branches"));
            const CliRun run = cli(arguments);
            QVERIFY2(run.exitCode == 0, run.err.constData());
            QCOMPARE(run.out.trimmed(), output.toUtf8());
            QFile file(output);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray head = file.read(64);
            // A ZIP whose first entry is "mimetype", stored: its name at 30, its content right after.
            QVERIFY(head.startsWith("PK\x03\x04"));
            QCOMPARE(head.mid(30, 28), QByteArrayLiteral("mimetypeapplication/epub+zip"));
        }
        QVERIFY(QFileInfo(m_home.filePath(QStringLiteral("all.epub"))).size()
                > QFileInfo(m_home.filePath(QStringLiteral("path.epub"))).size());
    }

    void failureLeavesNoFile()
    {
        const QString output = m_home.filePath(QStringLiteral("missing/folder/book.epub"));
        const CliRun run = cli({QStringLiteral("story"), QStringLiteral("export"), QStringLiteral("sample-zh-rainbow"),
                                QStringLiteral("--format"), QStringLiteral("epub"), QStringLiteral("--output"), output});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("book.epub"), run.err.constData());
        QVERIFY(!QFileInfo::exists(m_home.filePath(QStringLiteral("missing"))));
        const CliRun usage = cli({QStringLiteral("story"), QStringLiteral("export"), QStringLiteral("sample-zh-rainbow"),
                                  QStringLiteral("--format"), QStringLiteral("epub")});
        QCOMPARE(usage.exitCode, 2);
        QVERIFY2(usage.err.contains("md|html|pdf|epub"), usage.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliEpub)
#include "tst_cli_epub.moc"
