#include "illustratedstory.h"
#include "requiretool.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Runs the built storybook-viewer offscreen (it closes itself with --quit-after-ms) and checks the
// binary's dynamic dependencies: the viewer must never link QtNetwork.
class TestViewer final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    [[nodiscard]] QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.remove(QStringLiteral("STORYBOOK_LIBRARY"));
        return env;
    }

    int run(const QStringList& arguments, const QProcessEnvironment& env, QByteArray* errors = nullptr)
    {
        QProcess process;
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(VIEWER_PATH), arguments);
        if (!process.waitForStarted(10000))
            return -100;
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
            return -101;
        }
        if (errors)
            *errors = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -102;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_home.isValid()); }

    void opensOneFile_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("en") << QStringLiteral(SAMPLES_DIR "/pip-and-the-moon-lantern.storybook");
        QTest::newRow("zh") << QStringLiteral(SAMPLES_DIR "/xiao-tu-zi-zhao-cai-hong.storybook");
    }

    void opensOneFile()
    {
        QFETCH(QString, file);
        QVERIFY(QFile::exists(file));
        QByteArray errors;
        QCOMPARE(run({file, QStringLiteral("--quit-after-ms"), QStringLiteral("300")}, environment(), &errors), 0);
        QVERIFY2(!errors.contains("QWidget::") && !errors.contains("QLayout"), errors.constData());
    }

    void opensIllustratedFile()
    {
        // The real binary with a story container and its pictures (PNG, JPEG and a corrupt one).
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString path = folder.filePath(QStringLiteral("illustrated.storybook"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Storybook::Test::illustratedStory().toFileData());
        file.close();
        QByteArray errors;
        QCOMPARE(run({path, QStringLiteral("--quit-after-ms"), QStringLiteral("1500")}, environment(), &errors), 0);
        QVERIFY2(!errors.contains("QWidget::") && !errors.contains("QLayout"), errors.constData());
    }

    void opensFolderWithUnreadableFile()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        QVERIFY(QFile::copy(QStringLiteral(SAMPLES_DIR "/pip-and-the-moon-lantern.storybook"),
                            folder.filePath(QStringLiteral("pip.storybook"))));
        QFile broken(folder.filePath(QStringLiteral("broken.storybook")));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
        broken.close();
        QCOMPARE(run({folder.path(), QStringLiteral("--quit-after-ms"), QStringLiteral("300")}, environment()), 0);
        QVERIFY(QFile::exists(folder.filePath(QStringLiteral("broken.storybook")))); // left alone
    }

    void defaultLibraryGetsSamples()
    {
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        const QString library = folder.filePath(QStringLiteral("Stories"));
        QProcessEnvironment env = environment();
        env.insert(QStringLiteral("STORYBOOK_LIBRARY"), library);
        QCOMPARE(run({QStringLiteral("--quit-after-ms"), QStringLiteral("300")}, env), 0);
        QCOMPARE(QDir(library).entryList({QStringLiteral("*.storybook")}, QDir::Files).size(), 2);
    }

    void versionAndMissingFile()
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        process.start(QStringLiteral(VIEWER_PATH), {QStringLiteral("--version")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains(STORYBOOK_VERSION));

        QCOMPARE(run({m_home.filePath(QStringLiteral("no-such.storybook"))}, environment()), 2);
    }

    void doesNotLinkQtNetwork()
    {
        QString tool = QStandardPaths::findExecutable(QStringLiteral("readelf"));
        QStringList arguments{QStringLiteral("-d"), QStringLiteral(VIEWER_PATH)};
        if (tool.isEmpty()) {
            tool = QStandardPaths::findExecutable(QStringLiteral("ldd"));
            arguments = {QStringLiteral(VIEWER_PATH)};
        }
        STORYBOOK_REQUIRE_TOOL(!tool.isEmpty(), "readelf or ldd");
        QProcess process;
        process.start(tool, arguments);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitCode(), 0);
        const QByteArray output = process.readAllStandardOutput();
        QVERIFY2(output.contains("libQt6Widgets"), output.constData()); // the check itself works
        QVERIFY2(!output.contains("libQt6Network"), output.constData());
    }
};

QTEST_MAIN(TestViewer)
#include "tst_viewer.moc"
