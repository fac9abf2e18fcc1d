// The Debian package as a user gets it: built by CPack from this build, checked with the tools a
// distribution uses (dpkg-deb, lintian, desktop-file-validate, appstreamcli, update-mime-database),
// its programs run from an unpacked copy (not the build tree), and — on CI, where the machine is
// throw-away — installed for real with apt and removed again.
#include "proxylauncher.h" // STORYBOOK_REQUIRE_TOOL

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QImage>
#include <QMimeDatabase>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Result
{
    int exitCode = -1;
    QString out;
    QString err;
    [[nodiscard]] QString all() const { return out + err; }
};

Result run(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
           int timeoutMs = 120000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    Result result;
    if (!process.waitForStarted(10000)) {
        result.err = QStringLiteral("cannot start ") + program;
        return result;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.err = QStringLiteral("timed out: ") + program;
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

bool have(const char* tool)
{
    return !QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty();
}

const QString AppId = QStringLiteral("io.github.interactive_storybook.Storybook");
const QString ViewerId = QStringLiteral("io.github.interactive_storybook.Viewer");

} // namespace

class TestPackage final : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    QString m_deb;
    QString m_root; // the package unpacked

    [[nodiscard]] QString rooted(const QString& path) const { return m_root + path; }

    [[nodiscard]] QProcessEnvironment isolatedEnvironment(const QString& home) const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("HOME"), home);
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.remove(QStringLiteral("STORYBOOK_LIBRARY"));
        return environment;
    }

private Q_SLOTS:
    void initTestCase()
    {
        STORYBOOK_REQUIRE_TOOL(have("dpkg-deb") && have("dpkg-shlibdeps"), "dpkg-dev");
        QVERIFY(m_work.isValid());
        // The package of this very build.
        const Result cpack = run(QStringLiteral(CPACK_COMMAND),
                                 {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("--config"),
                                  QStringLiteral(BUILD_DIR "/CPackConfig.cmake"), QStringLiteral("-B"), m_work.filePath(QStringLiteral("out"))},
                                 QProcessEnvironment::systemEnvironment(), 600000);
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.all()));
        const QStringList debs = QDir(m_work.filePath(QStringLiteral("out"))).entryList({QStringLiteral("*.deb")});
        QCOMPARE(debs.size(), 1);
        m_deb = m_work.filePath(QStringLiteral("out/") + debs.first());
        QCOMPARE(debs.first(), QStringLiteral("interactive-storybook_" STORYBOOK_VERSION "-1_%1.deb")
                                   .arg(run(QStringLiteral("dpkg"), {QStringLiteral("--print-architecture")}).out.trimmed()));
        m_root = m_work.filePath(QStringLiteral("root"));
        const Result unpack = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root});
        QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.all()));
    }

    void controlFields()
    {
        const Result info = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-f"), m_deb});
        QCOMPARE(info.exitCode, 0);
        QVERIFY(info.out.contains(QStringLiteral("Package: interactive-storybook\n")));
        QVERIFY(info.out.contains(QStringLiteral("Version: " STORYBOOK_VERSION "-1\n")));
        QVERIFY(info.out.contains(QStringLiteral("Section: education\n")));
        QVERIFY(info.out.contains(QStringLiteral("Installed-Size: ")));
        const QString depends = QRegularExpression(QStringLiteral("^Depends: (.*)$"), QRegularExpression::MultilineOption)
                                    .match(info.out).captured(1);
        QVERIFY2(!depends.isEmpty(), qPrintable(info.out));
        // The platform plugin is loaded, not linked: named by hand.
        QVERIFY2(depends.contains(QStringLiteral("qt6-qpa-plugins")), qPrintable(depends));
        // Every library a program links comes from a package the package depends on (what
        // dpkg-shlibdeps is for): checked against this machine's package database.
        const QString multiarch = run(QStringLiteral("dpkg-architecture"), {QStringLiteral("-qDEB_HOST_MULTIARCH")}).out.trimmed();
        QVERIFY(!multiarch.isEmpty());
        for (const QString& program : {QStringLiteral("storybook"), QStringLiteral("storybook-viewer"), QStringLiteral("storybook-cli")}) {
            const Result needed = run(QStringLiteral("objdump"), {QStringLiteral("-p"), rooted(QStringLiteral("/usr/bin/")) + program});
            QCOMPARE(needed.exitCode, 0);
            const auto matches = QRegularExpression(QStringLiteral("NEEDED\\s+(\\S+)")).globalMatch(needed.out);
            for (auto it = matches; it.hasNext();) {
                const QString library = it.next().captured(1);
                const Result owner = run(QStringLiteral("dpkg"), {QStringLiteral("-S"), QStringLiteral("*/") + multiarch + u'/' + library});
                QVERIFY2(owner.exitCode == 0, qPrintable(library + u' ' + owner.all()));
                const QString package = owner.out.section(u':', 0, 0).trimmed();
                QVERIFY2(depends.contains(package), qPrintable(program + u' ' + library + QStringLiteral(" from ") + package
                                                               + QStringLiteral(" not in Depends: ") + depends));
            }
            // Nothing points into the build tree.
            QVERIFY2(!needed.out.contains(QStringLiteral("RUNPATH")) && !needed.out.contains(QStringLiteral("RPATH")),
                     qPrintable(program));
        }
    }

    void contents()
    {
        const QStringList expected = {
            QStringLiteral("/usr/bin/storybook"),
            QStringLiteral("/usr/bin/storybook-viewer"),
            QStringLiteral("/usr/bin/storybook-cli"),
            QStringLiteral("/usr/share/applications/") + AppId + QStringLiteral(".desktop"),
            QStringLiteral("/usr/share/applications/") + ViewerId + QStringLiteral(".desktop"),
            QStringLiteral("/usr/share/metainfo/") + AppId + QStringLiteral(".metainfo.xml"),
            QStringLiteral("/usr/share/metainfo/") + ViewerId + QStringLiteral(".metainfo.xml"),
            QStringLiteral("/usr/share/mime/packages/") + AppId + QStringLiteral(".xml"),
            QStringLiteral("/usr/share/icons/hicolor/scalable/apps/") + AppId + QStringLiteral(".svg"),
            QStringLiteral("/usr/share/icons/hicolor/scalable/apps/") + ViewerId + QStringLiteral(".svg"),
            QStringLiteral("/usr/share/man/man1/storybook.1.gz"),
            QStringLiteral("/usr/share/man/man1/storybook-viewer.1.gz"),
            QStringLiteral("/usr/share/man/man1/storybook-cli.1.gz"),
            QStringLiteral("/usr/share/doc/interactive-storybook/copyright"),
            QStringLiteral("/usr/share/doc/interactive-storybook/changelog.Debian.gz"),
            QStringLiteral("/usr/share/doc/interactive-storybook/changelog.gz"),
            QStringLiteral("/usr/share/interactive-storybook/samples/pip-and-the-moon-lantern.storybook"),
            QStringLiteral("/usr/share/interactive-storybook/samples/xiao-tu-zi-zhao-cai-hong.storybook"),
        };
        for (const QString& path : expected)
            QVERIFY2(QFileInfo::exists(rooted(path)), qPrintable(path));
        for (const QString& id : {AppId, ViewerId}) {
            for (const int size : {32, 48, 64, 128, 256}) {
                const QString icon = QStringLiteral("/usr/share/icons/hicolor/%1x%1/apps/%2.png").arg(size).arg(id);
                QVERIFY2(QFileInfo::exists(rooted(icon)), qPrintable(icon));
                QCOMPARE(QImage(rooted(icon)).size(), QSize(size, size));
            }
        }
        // Only /usr, nothing of this machine or the build.
        const Result list = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-c"), m_deb});
        QCOMPARE(list.exitCode, 0);
        for (const QString& line : list.out.split(u'\n', Qt::SkipEmptyParts)) {
            const QString path = line.section(u' ', -1);
            QVERIFY2(path == QLatin1String("./") || path.startsWith(QLatin1String("./usr/")), qPrintable(line));
            QVERIFY2(line.startsWith(u'd') || line.contains(QLatin1String("root/root")), qPrintable(line));
        }
        QVERIFY(!list.out.contains(QStringLiteral(BUILD_DIR)));
    }

    void lintianFindsNoErrors()
    {
        STORYBOOK_REQUIRE_TOOL(have("lintian"), "lintian");
        const Result lintian = run(QStringLiteral("lintian"), {QStringLiteral("--fail-on"), QStringLiteral("error,warning"),
                                                               QStringLiteral("--suppress-tags"), QStringLiteral(LINTIAN_ACCEPTED), m_deb},
                                   QProcessEnvironment::systemEnvironment(), 600000);
        QVERIFY2(lintian.exitCode == 0, qPrintable(lintian.all()));
        if (!lintian.out.trimmed().isEmpty())
            qInfo().noquote() << "lintian:" << lintian.out;
    }

    void desktopEntriesValidate()
    {
        STORYBOOK_REQUIRE_TOOL(have("desktop-file-validate"), "desktop-file-utils");
        for (const QString& id : {AppId, ViewerId}) {
            const QString file = rooted(QStringLiteral("/usr/share/applications/") + id + QStringLiteral(".desktop"));
            const Result check = run(QStringLiteral("desktop-file-validate"), {file});
            QVERIFY2(check.exitCode == 0 && check.all().trimmed().isEmpty(), qPrintable(check.all()));
            QFile desktop(file);
            QVERIFY(desktop.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(desktop.readAll());
            // The icon named is installed, the program is on the PATH of the package.
            QVERIFY(text.contains(QStringLiteral("\nIcon=") + id + u'\n'));
            const QString exec = QRegularExpression(QStringLiteral("\nExec=(\\S+)")).match(text).captured(1);
            QVERIFY2(QFileInfo::exists(rooted(QStringLiteral("/usr/bin/")) + exec), qPrintable(exec));
        }
        QFile viewer(rooted(QStringLiteral("/usr/share/applications/") + ViewerId + QStringLiteral(".desktop")));
        QVERIFY(viewer.open(QIODevice::ReadOnly));
        QVERIFY(viewer.readAll().contains("\nMimeType=application/x-storybook;\n"));
    }

    void metainfoValidates()
    {
        STORYBOOK_REQUIRE_TOOL(have("appstreamcli"), "appstream");
        for (const QString& id : {AppId, ViewerId}) {
            const QString file = rooted(QStringLiteral("/usr/share/metainfo/") + id + QStringLiteral(".metainfo.xml"));
            const Result check = run(QStringLiteral("appstreamcli"), {QStringLiteral("validate"), QStringLiteral("--no-net"), file});
            QVERIFY2(check.exitCode == 0, qPrintable(check.all()));
            QFile metainfo(file);
            QVERIFY(metainfo.open(QIODevice::ReadOnly));
            const QByteArray xml = metainfo.readAll();
            // The release notes of this version, taken from CHANGELOG.md.
            QVERIFY2(xml.contains("<release version=\"" STORYBOOK_VERSION "\""), xml.constData());
            QVERIFY(xml.contains("<li>"));
        }
    }

    void mimeTypeRegistered()
    {
        STORYBOOK_REQUIRE_TOOL(have("update-mime-database"), "shared-mime-info");
        // The MIME package as the system would compile it, in a data folder of our own.
        const QString data = m_work.filePath(QStringLiteral("xdg-data"));
        QVERIFY(QDir().mkpath(data + QStringLiteral("/mime/packages")));
        QVERIFY(QFile::copy(rooted(QStringLiteral("/usr/share/mime/packages/") + AppId + QStringLiteral(".xml")),
                            data + QStringLiteral("/mime/packages/") + AppId + QStringLiteral(".xml")));
        const Result update = run(QStringLiteral("update-mime-database"), {data + QStringLiteral("/mime")});
        QVERIFY2(update.exitCode == 0, qPrintable(update.all()));
        // Qt reads XDG_DATA_DIRS when the database is first used, which is here.
        qputenv("XDG_DATA_DIRS", (data + QStringLiteral(":/usr/share")).toLocal8Bit());
        QMimeDatabase mime;
        QCOMPARE(mime.mimeTypeForFile(QStringLiteral("story.storybook"), QMimeDatabase::MatchExtension).name(),
                 QStringLiteral("application/x-storybook"));
        // A story file that lost its name is still recognised by its content.
        const QString sample = rooted(QStringLiteral("/usr/share/interactive-storybook/samples/pip-and-the-moon-lantern.storybook"));
        const QString nameless = m_work.filePath(QStringLiteral("nameless"));
        QVERIFY(QFile::copy(sample, nameless));
        QCOMPARE(mime.mimeTypeForFile(nameless, QMimeDatabase::MatchContent).name(), QStringLiteral("application/x-storybook"));
        QVERIFY(mime.mimeTypeForName(QStringLiteral("application/x-storybook")).inherits(QStringLiteral("application/json")));
    }

    void installedProgramsRun()
    {
        QTemporaryDir home;
        const QProcessEnvironment environment = isolatedEnvironment(home.path());
        for (const QString& program : {QStringLiteral("storybook"), QStringLiteral("storybook-viewer"), QStringLiteral("storybook-cli")}) {
            const Result version = run(rooted(QStringLiteral("/usr/bin/")) + program, {QStringLiteral("--version")}, environment);
            QVERIFY2(version.exitCode == 0, qPrintable(program + u' ' + version.all()));
            QCOMPARE(version.out.trimmed(), program + QStringLiteral(" " STORYBOOK_VERSION));
        }
        // The translations are inside the programs: Chinese help from the installed binary.
        QProcessEnvironment chinese = environment;
        chinese.insert(QStringLiteral("STORYBOOK_LANGUAGE"), QStringLiteral("zh_CN"));
        const Result help = run(rooted(QStringLiteral("/usr/bin/storybook-cli")), {QStringLiteral("--help")}, chinese);
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.contains(QStringLiteral("用法")), qPrintable(help.out));
        // A new library starts with the bundled samples.
        const QString library = home.filePath(QStringLiteral("library"));
        const Result list = run(rooted(QStringLiteral("/usr/bin/storybook-cli")),
                                {QStringLiteral("story"), QStringLiteral("list"), QStringLiteral("--library"), library}, environment);
        QVERIFY2(list.exitCode == 0, qPrintable(list.all()));
        QVERIFY2(list.out.contains(QStringLiteral("Pip and the Moon Lantern")) && list.out.contains(QStringLiteral("小兔子找彩虹")),
                 qPrintable(list.out));
        // The viewer opens an installed sample offscreen and closes by itself.
        const Result viewer = run(rooted(QStringLiteral("/usr/bin/storybook-viewer")),
                                  {QStringLiteral("--quit-after-ms"), QStringLiteral("1500"),
                                   rooted(QStringLiteral("/usr/share/interactive-storybook/samples/xiao-tu-zi-zhao-cai-hong.storybook"))},
                                  environment, 60000);
        QVERIFY2(viewer.exitCode == 0, qPrintable(viewer.all()));
        QVERIFY2(!viewer.err.contains(QStringLiteral("cannot")), qPrintable(viewer.err));
    }

    // apt on the real system: only where the machine is throw-away (CI) or when asked for.
    void realInstallAndRemove()
    {
        const bool ci = Storybook::Test::isCi();
        if (!ci && qEnvironmentVariable("STORYBOOK_TEST_SYSTEM_INSTALL") != QStringLiteral("1"))
            QSKIP("installs system-wide: runs with CI=true or STORYBOOK_TEST_SYSTEM_INSTALL=1");
        QStringList sudo;
        if (run(QStringLiteral("id"), {QStringLiteral("-u")}).out.trimmed() != QStringLiteral("0"))
            sudo = {QStringLiteral("sudo"), QStringLiteral("-n")};
        const auto asRoot = [&](const QStringList& command) {
            QStringList full = sudo + command;
            const QString program = full.takeFirst();
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("DEBIAN_FRONTEND"), QStringLiteral("noninteractive"));
            return run(program, full, environment, 600000);
        };
        const Result install = asRoot({QStringLiteral("apt-get"), QStringLiteral("install"), QStringLiteral("-y"),
                                       QStringLiteral("--no-install-recommends"), m_deb});
        QVERIFY2(install.exitCode == 0, qPrintable(install.all()));
        QTemporaryDir home;
        const Result version = run(QStringLiteral("/usr/bin/storybook-cli"), {QStringLiteral("--version")}, isolatedEnvironment(home.path()));
        QCOMPARE(version.out.trimmed(), QStringLiteral("storybook-cli " STORYBOOK_VERSION));
        QVERIFY(QFileInfo::exists(QStringLiteral("/usr/share/applications/") + ViewerId + QStringLiteral(".desktop")));
        const Result remove = asRoot({QStringLiteral("apt-get"), QStringLiteral("remove"), QStringLiteral("--purge"),
                                      QStringLiteral("-y"), QStringLiteral("interactive-storybook")});
        QVERIFY2(remove.exitCode == 0, qPrintable(remove.all()));
        for (const QString& gone : {QStringLiteral("/usr/bin/storybook"), QStringLiteral("/usr/bin/storybook-viewer"),
                                    QStringLiteral("/usr/bin/storybook-cli"), QStringLiteral("/usr/share/interactive-storybook"),
                                    QStringLiteral("/usr/share/doc/interactive-storybook")})
            QVERIFY2(!QFileInfo::exists(gone), qPrintable(gone));
        QVERIFY(run(QStringLiteral("dpkg-query"), {QStringLiteral("-W"), QStringLiteral("interactive-storybook")}).exitCode != 0);
    }
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
