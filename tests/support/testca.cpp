#include "testca.h"

#include "proxylauncher.h"
#include "testlogging.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

namespace Storybook::Test {

namespace {
constexpr int kOpensslTimeoutMs = 30000;
const char kSubjectAltName[] = "subjectAltName=IP:127.0.0.1,DNS:localhost,IP:::1";
} // namespace

TestCa::TestCa() : m_dir(std::make_unique<QTemporaryDir>()) {}

TestCa::~TestCa() = default;

bool TestCa::opensslAvailable()
{
    return !findTool(QStringLiteral("openssl")).isEmpty();
}

QString TestCa::path(const QString& fileName) const
{
    return m_dir->filePath(fileName);
}

QString TestCa::directory() const { return m_dir->path(); }
QString TestCa::caCertPath() const { return path(QStringLiteral("ca.crt")); }
QString TestCa::caKeyPath() const { return path(QStringLiteral("ca.key")); }
QString TestCa::serverCertPath() const { return path(QStringLiteral("server.crt")); }
QString TestCa::serverKeyPath() const { return path(QStringLiteral("server.key")); }
QString TestCa::untrustedCertPath() const { return path(QStringLiteral("untrusted.crt")); }
QString TestCa::untrustedKeyPath() const { return path(QStringLiteral("untrusted.key")); }

bool TestCa::runOpenssl(const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setWorkingDirectory(m_dir->path());
    process.start(findTool(QStringLiteral("openssl")), arguments);
    if (!process.waitForFinished(kOpensslTimeoutMs)) {
        m_errorString = QStringLiteral("openssl did not finish: ") + process.errorString();
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(kOpensslTimeoutMs);
        }
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_errorString = QStringLiteral("openssl ") + arguments.value(0) + QStringLiteral(" failed: ")
            + QString::fromLocal8Bit(process.readAll());
        return false;
    }
    return true;
}

bool TestCa::generate()
{
    if (!m_dir->isValid()) {
        m_errorString = QStringLiteral("cannot create a temporary directory");
        return false;
    }
    if (!opensslAvailable()) {
        m_errorString = QStringLiteral("openssl is not installed");
        return false;
    }
    const QString ecKey = QStringLiteral("ec");
    const QString curve = QStringLiteral("ec_paramgen_curve:prime256v1");
    const QString san = QString::fromLatin1(kSubjectAltName);

    QFile extensions(path(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly)) {
        m_errorString = QStringLiteral("cannot write server.ext");
        return false;
    }
    extensions.write(QByteArray(kSubjectAltName) + "\nbasicConstraints=CA:FALSE\n"
                     "keyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
    extensions.close();

    const bool ok =
        runOpenssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), ecKey,
                    QStringLiteral("-pkeyopt"), curve, QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                    caKeyPath(), QStringLiteral("-out"), caCertPath(), QStringLiteral("-days"), QStringLiteral("2"),
                    QStringLiteral("-subj"), QStringLiteral("/CN=Storybook Test CA"), QStringLiteral("-addext"),
                    QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")})
        && runOpenssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), ecKey,
                       QStringLiteral("-pkeyopt"), curve, QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       serverKeyPath(), QStringLiteral("-out"), path(QStringLiteral("server.csr")),
                       QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")})
        && runOpenssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                       path(QStringLiteral("server.csr")), QStringLiteral("-CA"), caCertPath(),
                       QStringLiteral("-CAkey"), caKeyPath(), QStringLiteral("-CAcreateserial"),
                       QStringLiteral("-out"), serverCertPath(), QStringLiteral("-days"), QStringLiteral("2"),
                       QStringLiteral("-extfile"), extensions.fileName()})
        && runOpenssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), ecKey,
                       QStringLiteral("-pkeyopt"), curve, QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                       untrustedKeyPath(), QStringLiteral("-out"), untrustedCertPath(), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                       QStringLiteral("-addext"), san});
    if (ok)
        qCDebug(lcTest) << "test CA generated in" << m_dir->path();
    return ok;
}

} // namespace Storybook::Test
